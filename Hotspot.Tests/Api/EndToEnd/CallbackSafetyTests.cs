using System.Net;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// Callbacks settle at most one purchase once: duplicates, parallel replays, forgeries, wrong tokens and signatures,
/// other organizations' ids, unknown ids and wrong amounts settle nothing, and every one of them is stored.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CallbackSafetyTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    private Organization _organization = null!;
    private Organization _other = null!;

    // No reconciler: these tests alone decide what happens to their purchases.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:ReconcilerEnabled"] = "false" };

    protected override async Task SeedAsync()
    {
        _organization = await BillingSeed.OrganizationAsync(Api, "Callbacks hotspot", PaymentMethodType.Mpesa);
        _other = await BillingSeed.OrganizationAsync(Api, "Another hotspot", PaymentMethodType.Mpesa);
    }

    [Test]
    public async Task Fifty_identical_callbacks_in_parallel_yield_one_voucher()
    {
        var checkout = NewCheckoutId();
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _organization.Id, checkout);
        var body = Callbacks.StkSuccess(checkout, 20, NewReceipt());

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_organization.Id, _organization.DarajaCallbackToken), body)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await responses[0].Content.ReadAsStringAsync(), Is.EqualTo("""{"ResultCode":0,"ResultDesc":"Accepted"}"""));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That((await db.Purchases.SingleAsync(p => p.Id == purchase.Id)).Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == purchase.Id), Is.EqualTo(1));
        Assert.That(await db.MpesaTransactions.CountAsync(t => t.CheckoutRequestId == checkout), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failure_after_the_success_changes_nothing()
    {
        var checkout = NewCheckoutId();
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _organization.Id, checkout);
        var url = Callbacks.DarajaUrl(_organization.Id, _organization.DarajaCallbackToken);

        (await Callbacks.PostAsync(Client, url, Callbacks.StkSuccess(checkout, 20, NewReceipt()))).Dispose();
        using var late = await Callbacks.PostAsync(Client, url, Callbacks.StkFailure(checkout, 1032, "Request cancelled by user"));

        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusOfAsync(purchase.Id), Is.EqualTo(PurchaseStatus.Paid));
    }

    [Test]
    public async Task A_wrong_token_is_refused_and_stored_and_cannot_block_the_real_callback()
    {
        var checkout = NewCheckoutId();
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _organization.Id, checkout);
        var body = Callbacks.StkSuccess(checkout, 20, NewReceipt());

        using var forged = await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_organization.Id, new string('a', 64)), body);

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StatusOfAsync(purchase.Id), Is.EqualTo(PurchaseStatus.Pending));
        await using (var db = await Api.Contexts.CreateDbContextAsync())
        {
            var stored = await db.MpesaTransactions.Where(t => t.OrganizationId == _organization.Id && t.RawBody.Contains(checkout)).ToListAsync();
            Assert.That(stored, Has.Count.EqualTo(1));
            Assert.That(stored[0].Status, Is.EqualTo(CallbackStatus.NeedsReview));
            Assert.That(stored[0].PurchaseId, Is.Null);
        }

        using var real = await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_organization.Id, _organization.DarajaCallbackToken), body);
        Assert.That(real.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusOfAsync(purchase.Id), Is.EqualTo(PurchaseStatus.Paid));
    }

    [Test]
    public async Task Another_organizations_request_id_settles_nothing_and_is_kept_for_review()
    {
        var checkout = NewCheckoutId();
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _organization.Id, checkout);

        using var response = await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_other.Id, _other.DarajaCallbackToken),
            Callbacks.StkSuccess(checkout, 20, NewReceipt()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusOfAsync(purchase.Id), Is.EqualTo(PurchaseStatus.Pending));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var stored = await db.MpesaTransactions.SingleAsync(t => t.OrganizationId == _other.Id && t.CheckoutRequestId == checkout);
        Assert.That(stored.Status, Is.EqualTo(CallbackStatus.NeedsReview));
    }

    [Test]
    public async Task An_unknown_request_id_is_kept_for_review()
    {
        var checkout = NewCheckoutId();

        using var response = await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_organization.Id, _organization.DarajaCallbackToken),
            Callbacks.StkSuccess(checkout, 20, NewReceipt()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var stored = await db.MpesaTransactions.SingleAsync(t => t.CheckoutRequestId == checkout);
        Assert.That(stored.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That(stored.ReviewReason, Does.Contain("No purchase"));
    }

    [Test]
    public async Task A_different_amount_settles_nothing_and_is_kept_for_review()
    {
        var checkout = NewCheckoutId();
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _organization.Id, checkout);

        using var response = await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_organization.Id, _organization.DarajaCallbackToken),
            Callbacks.StkSuccess(checkout, 1, NewReceipt()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var stored = await db.Purchases.SingleAsync(p => p.Id == purchase.Id);
        Assert.That(stored.Status, Is.EqualTo(PurchaseStatus.Pending));
        Assert.That(stored.ReviewReason, Does.Contain("does not match"));
        Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == purchase.Id), Is.Zero);
        Assert.That((await db.MpesaTransactions.SingleAsync(t => t.CheckoutRequestId == checkout)).Status, Is.EqualTo(CallbackStatus.NeedsReview));
    }

    [TestCase(1032, PurchaseStatus.Cancelled, "cancelled")]
    [TestCase(1037, PurchaseStatus.Failed, "could not be reached")]
    [TestCase(1, PurchaseStatus.Failed, "balance")]
    [TestCase(2001, PurchaseStatus.Failed, "PIN")]
    public async Task A_failed_result_ends_the_purchase_with_a_readable_reason(int code, PurchaseStatus status, string reason)
    {
        var checkout = NewCheckoutId();
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _organization.Id, checkout);

        using var response = await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_organization.Id, _organization.DarajaCallbackToken),
            Callbacks.StkFailure(checkout, code, "Provider says no"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var stored = await db.Purchases.SingleAsync(p => p.Id == purchase.Id);
        Assert.That(stored.Status, Is.EqualTo(status));
        Assert.That(stored.FailureReason, Does.Contain(reason));
        Assert.That((await db.MpesaTransactions.SingleAsync(t => t.CheckoutRequestId == checkout)).Status, Is.EqualTo(CallbackStatus.Processed));
    }

    [Test]
    public async Task A_malformed_callback_is_refused_and_stored()
    {
        var marker = Guid.NewGuid().ToString("N");

        using var response = await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_organization.Id, _organization.DarajaCallbackToken),
            $$"""{"Body":{"stkCallback":"{{marker}}" } }""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That((await db.MpesaTransactions.SingleAsync(t => t.RawBody.Contains(marker))).Status, Is.EqualTo(CallbackStatus.NeedsReview));
    }

    [Test]
    public async Task A_callback_for_an_unknown_organization_is_not_found()
    {
        using var response = await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(Guid.NewGuid(), new string('b', 64)),
            Callbacks.StkSuccess(NewCheckoutId(), 20, NewReceipt()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase(null)]
    [TestCase("wrong-key")]
    public async Task A_kopo_kopo_callback_with_a_bad_signature_is_refused_and_stored(string? key)
    {
        var marker = Guid.NewGuid().ToString("N");
        var body = $$"""{"data":{"id":"{{marker}}","type":"incoming_payment","attributes":{"status":"Success"} } }""";

        using var response = await Callbacks.PostAsync(Client, $"/api/payments/kopokopo/callback/{_organization.Id}/incoming-payment", body,
            key is null ? null : Callbacks.Sign(key, body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var stored = await db.KopoKopoTransactions.SingleAsync(t => t.RawBody.Contains(marker));
        Assert.That(stored.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That(stored.Type, Is.EqualTo(KopoKopoTransactionType.IncomingPayment));
        Assert.That(stored.PaymentRequestId, Is.Null);
    }

    [Test]
    public async Task A_send_money_result_for_no_payout_of_ours_is_kept_for_review()
    {
        // Kopo Kopo's documented send money result (fixture read from ../shared), signed with the organization's key.
        var body = File.ReadAllText(SharedFolder.Path("fixtures", "kopokopo", "send_money_result_v2.json"));

        using var response = await Callbacks.PostAsync(Client, $"/api/payments/kopokopo/callback/{_organization.Id}/send-money", body,
            Callbacks.Sign(BillingSeed.KopoKopoApiKey, body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var stored = await db.KopoKopoTransactions.SingleAsync(t => t.OrganizationId == _organization.Id && t.Type == KopoKopoTransactionType.SendMoney);
        Assert.That(stored.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That(stored.ReviewReason, Does.Contain("No send money request"));
        Assert.That(stored.RawBody, Is.EqualTo(body));
    }

    [Test]
    public async Task An_unknown_kopo_kopo_callback_type_is_not_found()
    {
        const string body = "{}";
        using var response = await Callbacks.PostAsync(Client, $"/api/payments/kopokopo/callback/{_organization.Id}/nonsense", body,
            Callbacks.Sign(BillingSeed.KopoKopoApiKey, body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<PurchaseStatus> StatusOfAsync(Guid purchaseId)
    {
        await using var db = await Api.Contexts.CreateDbContextAsync();
        return (await db.Purchases.SingleAsync(p => p.Id == purchaseId)).Status;
    }

    private static string NewCheckoutId() => "ws_CO_test_" + Guid.NewGuid().ToString("N");

    private static string NewReceipt() => "T" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
}
