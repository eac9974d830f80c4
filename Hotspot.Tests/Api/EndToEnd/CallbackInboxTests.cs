using System.Net;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// The callback inbox through the real routes: every distinct delivery is kept and linked to its payment and
/// purchase; only an exact re-delivery is deduplicated, quietly; money that cannot pay a purchase (another receipt
/// for a paid purchase, another currency, a till payment nobody asked for) waits for review.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CallbackInboxTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    private readonly LogCapture _logs = new();
    private Organization _mpesa = null!;
    private Organization _kopoKopo = null!;

    // No reconciler: these tests alone decide what happens to their purchases.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:ReconcilerEnabled"] = "false" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_logs);

    protected override async Task SeedAsync()
    {
        _mpesa = await BillingSeed.OrganizationAsync(Api, "Inbox M-Pesa hotspot", PaymentMethodType.Mpesa);
        _kopoKopo = await BillingSeed.OrganizationAsync(Api, "Inbox Kopo Kopo hotspot", PaymentMethodType.KopoKopo);
    }

    [Test]
    public async Task Fifty_payments_with_distinct_receipts_for_one_purchase_give_one_voucher_and_49_payments_in_review()
    {
        var checkout = "ws_CO_inbox_" + Guid.NewGuid().ToString("N");
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _mpesa.Id, checkout);
        var receipts = Enumerable.Range(0, 50).Select(_ => NewReceipt()).ToList();

        var responses = await Task.WhenAll(receipts.Select(receipt =>
            Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_mpesa.Id, _mpesa.DarajaCallbackToken), Callbacks.StkSuccess(checkout, 20, receipt))));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var paid = await db.Purchases.SingleAsync(p => p.Id == purchase.Id);
        Assert.That(paid.Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == purchase.Id), Is.EqualTo(1));
        var rows = await db.MpesaTransactions.Where(t => t.OrganizationId == _mpesa.Id && t.CheckoutRequestId == checkout).ToListAsync();
        Assert.That(rows.Select(r => r.ReceiptNumber), Is.EquivalentTo(receipts), "every delivery is kept");
        Assert.That(rows.Select(r => r.PurchaseId), Is.All.EqualTo(purchase.Id), "every delivery points at the purchase");
        var settling = rows.Single(r => r.Status == CallbackStatus.Settled);
        Assert.That(settling.ReceiptNumber, Is.EqualTo(paid.ProviderReceipt));
        var inReview = rows.Where(r => r.Status == CallbackStatus.NeedsReview).ToList();
        Assert.That(inReview, Has.Count.EqualTo(49));
        Assert.That(inReview.Select(r => r.ReviewReason), Is.All.Contains("after the purchase was Paid"));
    }

    [Test]
    public async Task An_exact_redelivery_is_stored_once_answered_as_accepted_and_logs_no_error()
    {
        var checkout = "ws_CO_inbox_" + Guid.NewGuid().ToString("N");
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _mpesa.Id, checkout);
        var body = Callbacks.StkSuccess(checkout, 20, NewReceipt());
        var url = Callbacks.DarajaUrl(_mpesa.Id, _mpesa.DarajaCallbackToken);
        _logs.Clear();

        for (var i = 0; i < 3; i++)
        {
            using var response = await Callbacks.PostAsync(Client, url, body);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"ResultCode":0,"ResultDesc":"Accepted"}"""));
        }
        // Kopo Kopo too: a signed webhook delivered twice.
        var webhook = Callbacks.KopoKopoBuygoodsReceived(Guid.NewGuid().ToString(), NewReceipt(), "20.0");
        for (var i = 0; i < 2; i++)
        {
            using var response = await Callbacks.PostAsync(Client, Callbacks.KopoKopoUrl(_kopoKopo.Id, "buygoods"), webhook,
                Callbacks.Sign(BillingSeed.KopoKopoApiKey, webhook));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That(await db.MpesaTransactions.CountAsync(t => t.CheckoutRequestId == checkout), Is.EqualTo(1));
        Assert.That(await db.KopoKopoTransactions.CountAsync(t => t.RawBody == webhook), Is.EqualTo(1));
        Assert.That((await db.Purchases.SingleAsync(p => p.Id == purchase.Id)).Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(_logs.Errors, Is.Empty, string.Join("\n", _logs.Errors));
        var duplicates = _logs.Entries.Where(e => e.Message.Contains("delivered again")).ToList();
        Assert.That(duplicates, Has.Count.EqualTo(3));
        Assert.That(duplicates.Select(e => e.Level), Is.All.EqualTo(LogLevel.Information));
        Assert.That(duplicates.Select(e => e.Exception), Is.All.Null);
    }

    [TestCase(false, TestName = "The till webhook and the result of one payment are both kept and linked (webhook first)")]
    [TestCase(true, TestName = "The till webhook and the result of one payment are both kept and linked (result first)")]
    public async Task Webhook_and_result_in_order(bool resultFirst)
    {
        var payment = await KopoKopoPaymentAsync();
        if (resultFirst)
        {
            await PostSignedAsync(CallbackUrlsIncomingPayment, payment.Result);
            await PostSignedAsync("buygoods", payment.Webhook);
        }
        else
        {
            await PostSignedAsync("buygoods", payment.Webhook);
            await PostSignedAsync(CallbackUrlsIncomingPayment, payment.Result);
        }
        await AssertBothLinkedAsync([payment]);
    }

    [Slow(TestCategories.Load)]
    [Test]
    public async Task The_till_webhook_and_the_result_of_a_hundred_payments_sent_in_parallel_are_all_kept_and_linked()
    {
        var payments = new List<KopoKopoPayment>();
        for (var i = 0; i < 100; i++)
            payments.Add(await KopoKopoPaymentAsync());

        await Task.WhenAll(payments.SelectMany(p => new[]
        {
            PostSignedAsync("buygoods", p.Webhook),
            PostSignedAsync(CallbackUrlsIncomingPayment, p.Result),
        }));

        await AssertBothLinkedAsync(payments);
    }

    [TestCase("USD")]
    [TestCase("UGX")]
    public async Task A_result_in_another_currency_pays_nothing_and_keeps_its_currency(string currency)
    {
        var paymentId = Guid.NewGuid().ToString();
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _kopoKopo.Id, paymentId, method: PaymentMethodType.KopoKopo);

        await PostSignedAsync(CallbackUrlsIncomingPayment, Callbacks.KopoKopoIncomingPaymentSuccess(paymentId, NewReceipt(), "20.0", currency));

        await using var db = await Api.Contexts.CreateDbContextAsync();
        var stored = await db.Purchases.SingleAsync(p => p.Id == purchase.Id);
        Assert.That(stored.Status, Is.EqualTo(PurchaseStatus.Pending));
        Assert.That(stored.VoucherId, Is.Null);
        Assert.That(await db.Vouchers.AnyAsync(v => v.PurchaseId == purchase.Id), Is.False);
        var row = await db.KopoKopoTransactions.SingleAsync(t => t.OrganizationId == _kopoKopo.Id && t.PaymentRequestId == paymentId);
        Assert.That(row.Currency, Is.EqualTo(currency));
        Assert.That(row.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That(row.ReviewReason, Does.Contain(currency).And.Contain("not in KES"));
    }

    [Test]
    public async Task A_paybill_payment_no_purchase_asked_for_waits_for_review_and_one_that_paid_a_purchase_is_linked()
    {
        var checkout = "ws_CO_inbox_" + Guid.NewGuid().ToString("N");
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _mpesa.Id, checkout);
        var paidReceipt = NewReceipt();
        (await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_mpesa.Id, _mpesa.DarajaCallbackToken), Callbacks.StkSuccess(checkout, 20, paidReceipt))).Dispose();
        var orphanReceipt = NewReceipt();

        foreach (var receipt in new[] { paidReceipt, orphanReceipt })
        {
            using var response = await Callbacks.PostAsync(Client, Callbacks.C2BConfirmationUrl(_mpesa.Id, _mpesa.DarajaCallbackToken),
                Callbacks.C2BConfirmation(receipt, 50));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await using var db = await Api.Contexts.CreateDbContextAsync();
        var linked = await db.MpesaTransactions.SingleAsync(t => t.Kind == MpesaTransactionKind.C2BConfirmation && t.ReceiptNumber == paidReceipt);
        Assert.That(linked.Status, Is.EqualTo(CallbackStatus.Processed));
        Assert.That(linked.PurchaseId, Is.EqualTo(purchase.Id));
        var orphan = await db.MpesaTransactions.SingleAsync(t => t.Kind == MpesaTransactionKind.C2BConfirmation && t.ReceiptNumber == orphanReceipt);
        Assert.That(orphan.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That(orphan.PurchaseId, Is.Null);
        Assert.That(orphan.AmountKes, Is.EqualTo(50));
    }

    private const string CallbackUrlsIncomingPayment = Hotspot.Api.Payments.CallbackUrls.KopoKopoIncomingPayment;

    private sealed record KopoKopoPayment(Guid PurchaseId, string Reference, string Webhook, string Result);

    private async Task<KopoKopoPayment> KopoKopoPaymentAsync()
    {
        var paymentId = Guid.NewGuid().ToString();
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _kopoKopo.Id, paymentId, method: PaymentMethodType.KopoKopo);
        var reference = NewReceipt();
        return new KopoKopoPayment(purchase.Id, reference,
            Callbacks.KopoKopoBuygoodsReceived(Guid.NewGuid().ToString(), reference, "20.0"),
            Callbacks.KopoKopoIncomingPaymentSuccess(paymentId, reference, "20.0"));
    }

    private async Task PostSignedAsync(string callbackType, string body)
    {
        using var response = await Callbacks.PostAsync(Client, Callbacks.KopoKopoUrl(_kopoKopo.Id, callbackType), body,
            Callbacks.Sign(BillingSeed.KopoKopoApiKey, body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task AssertBothLinkedAsync(IReadOnlyList<KopoKopoPayment> payments)
    {
        await using var db = await Api.Contexts.CreateDbContextAsync();
        foreach (var payment in payments)
        {
            var purchase = await db.Purchases.SingleAsync(p => p.Id == payment.PurchaseId);
            Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
            Assert.That(purchase.ProviderReceipt, Is.EqualTo(payment.Reference));
            var rows = await db.KopoKopoTransactions.Where(t => t.OrganizationId == _kopoKopo.Id && t.Reference == payment.Reference).ToListAsync();
            Assert.That(rows.Select(r => r.Type), Is.EquivalentTo(new[] { KopoKopoTransactionType.BuyGoods, KopoKopoTransactionType.IncomingPayment }));
            Assert.That(rows.Select(r => r.PurchaseId), Is.All.EqualTo(payment.PurchaseId), $"both rows of {payment.Reference} point at the purchase");
            Assert.That(rows.Single(r => r.Type == KopoKopoTransactionType.IncomingPayment).Status, Is.EqualTo(CallbackStatus.Settled));
            Assert.That(rows.Single(r => r.Type == KopoKopoTransactionType.BuyGoods).Status, Is.EqualTo(CallbackStatus.Processed));
            Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == payment.PurchaseId), Is.EqualTo(1));
        }
    }

    private static string NewReceipt() => "T" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
}
