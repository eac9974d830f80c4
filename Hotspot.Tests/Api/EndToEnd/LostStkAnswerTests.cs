using System.Net;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// A purchase whose STK push answer was lost (pending, no CheckoutRequestID) is paid by the callback that arrives
/// for it: the same phone number and amount at the same organization, and nothing looser.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class LostStkAnswerTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:ReconcilerEnabled"] = "false" };

    [Test]
    public async Task The_success_callback_pays_the_purchase_whose_answer_was_lost()
    {
        var organization = await BillingSeed.OrganizationAsync(Api, "Lost answers", PaymentMethodType.Mpesa);
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, organization.Id, null, "254712000001");
        var checkout = NewCheckoutId();

        using var response = await PostSuccessAsync(organization, checkout, 20, "254712000001");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var paid = await db.Purchases.SingleAsync(p => p.Id == purchase.Id);
        var row = await db.MpesaTransactions.SingleAsync(t => t.CheckoutRequestId == checkout);
        Assert.Multiple(async () =>
        {
            Assert.That(paid.Status, Is.EqualTo(PurchaseStatus.Paid));
            Assert.That(paid.ProviderRequestId, Is.EqualTo(checkout));
            Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == purchase.Id), Is.EqualTo(1));
            Assert.That(row.Status, Is.EqualTo(CallbackStatus.Settled));
            Assert.That(row.PurchaseId, Is.EqualTo(purchase.Id));
            Assert.That(row.ReviewReason, Is.Null);
        });
    }

    [Test]
    public async Task Another_phone_number_or_amount_adopts_nothing_and_is_kept_for_review()
    {
        var organization = await BillingSeed.OrganizationAsync(Api, "Lost answers, strangers", PaymentMethodType.Mpesa);
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, organization.Id, null, "254712000002");
        var otherPhone = NewCheckoutId();
        var otherAmount = NewCheckoutId();

        (await PostSuccessAsync(organization, otherPhone, 20, "254712000099")).Dispose();
        (await PostSuccessAsync(organization, otherAmount, 21, "254712000002")).Dispose();

        await using var db = await Api.Contexts.CreateDbContextAsync();
        var pending = await db.Purchases.SingleAsync(p => p.Id == purchase.Id);
        Assert.That(pending.Status, Is.EqualTo(PurchaseStatus.Pending));
        Assert.That(pending.ProviderRequestId, Is.Null);
        var rows = await db.MpesaTransactions.Where(t => t.CheckoutRequestId == otherPhone || t.CheckoutRequestId == otherAmount).ToListAsync();
        Assert.That(rows.Select(r => r.Status), Is.All.EqualTo(CallbackStatus.NeedsReview));
    }

    [Test]
    public async Task A_masked_phone_number_adopts_nothing()
    {
        var organization = await BillingSeed.OrganizationAsync(Api, "Lost answers, masked", PaymentMethodType.Mpesa);
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, organization.Id, null, "254712000003");

        (await PostSuccessAsync(organization, NewCheckoutId(), 20, "\"2547*****003\"")).Dispose();

        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That((await db.Purchases.SingleAsync(p => p.Id == purchase.Id)).Status, Is.EqualTo(PurchaseStatus.Pending));
    }

    [Test]
    public async Task Another_organizations_lost_purchase_is_never_adopted()
    {
        var organization = await BillingSeed.OrganizationAsync(Api, "Lost answers, here", PaymentMethodType.Mpesa);
        var other = await BillingSeed.OrganizationAsync(Api, "Lost answers, there", PaymentMethodType.Mpesa);
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, other.Id, null, "254712000004");

        (await PostSuccessAsync(organization, NewCheckoutId(), 20, "254712000004")).Dispose();

        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That((await db.Purchases.SingleAsync(p => p.Id == purchase.Id)).Status, Is.EqualTo(PurchaseStatus.Pending));
    }

    [Test]
    public async Task Two_lost_purchases_of_one_phone_are_paid_oldest_first_one_callback_each()
    {
        var organization = await BillingSeed.OrganizationAsync(Api, "Lost answers, twice", PaymentMethodType.Mpesa);
        var older = await BillingSeed.PendingPurchaseAsync(Api, organization.Id, null, "254712000005", DateTime.UtcNow.AddMinutes(-2));
        var newer = await BillingSeed.PendingPurchaseAsync(Api, organization.Id, null, "254712000005");
        var first = NewCheckoutId();
        var second = NewCheckoutId();

        (await PostSuccessAsync(organization, first, 20, "254712000005")).Dispose();
        await using (var db = await Api.Contexts.CreateDbContextAsync())
        {
            Assert.That((await db.Purchases.SingleAsync(p => p.Id == older.Id)).ProviderRequestId, Is.EqualTo(first));
            Assert.That((await db.Purchases.SingleAsync(p => p.Id == newer.Id)).Status, Is.EqualTo(PurchaseStatus.Pending));
        }

        (await PostSuccessAsync(organization, second, 20, "254712000005")).Dispose();
        await using (var db = await Api.Contexts.CreateDbContextAsync())
        {
            var purchases = await db.Purchases.Where(p => p.Id == older.Id || p.Id == newer.Id).ToListAsync();
            Assert.That(purchases.Select(p => p.Status), Is.All.EqualTo(PurchaseStatus.Paid));
            Assert.That((await db.Purchases.SingleAsync(p => p.Id == newer.Id)).ProviderRequestId, Is.EqualTo(second));
            Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == older.Id || v.PurchaseId == newer.Id), Is.EqualTo(2));
        }
    }

    private Task<HttpResponseMessage> PostSuccessAsync(Organization organization, string checkout, long amount, string phoneJson) =>
        Callbacks.PostAsync(Client, Callbacks.DarajaUrl(organization.Id, organization.DarajaCallbackToken),
            Callbacks.StkSuccess(checkout, amount, NewReceipt(), phoneJson));

    private static string NewCheckoutId() => "ws_CO_lost_" + Guid.NewGuid().ToString("N");

    private static string NewReceipt() => "L" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
}
