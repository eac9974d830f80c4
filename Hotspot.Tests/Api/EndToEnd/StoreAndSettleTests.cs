using System.Net;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// A paying STK callback for a pending purchase is stored and settled in one statement on PostgreSQL (the general
/// path on SQLite): exactly once under racing deliveries, and when that statement cannot be written the callback is
/// still stored and applied.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class StoreAndSettleTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    private Organization _mpesa = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:ReconcilerEnabled"] = "false" };

    protected override async Task SeedAsync() => _mpesa = await BillingSeed.OrganizationAsync(Api, "One-commit hotspot", PaymentMethodType.Mpesa);

    [Test]
    public async Task Twenty_purchases_each_paid_by_three_racing_copies_of_one_callback_are_paid_once_with_one_stored_row()
    {
        var checkouts = await PendingPurchasesWithCallbacksAsync(20);

        var url = Callbacks.DarajaUrl(_mpesa.Id, _mpesa.DarajaCallbackToken);
        var responses = await Task.WhenAll(checkouts.SelectMany(c => Enumerable.Repeat(c.Body, 3)).Select(body => Callbacks.PostAsync(Client, url, body)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        await AssertEachPaidOnceWithOneStoredRowAsync(checkouts);
    }

    [Test]
    public async Task A_callback_whose_one_statement_settlement_is_refused_is_still_stored_and_pays_its_purchase_once()
    {
        // The same delivery already stored and never applied (the process stopped between the two): the one statement
        // meets its identity in the unique index, so none of it is written, and the stored row is applied instead.
        var checkout = "ws_CO_one_" + Guid.NewGuid().ToString("N");
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _mpesa.Id, checkout);
        var body = Callbacks.StkSuccess(checkout, 20, NewReceipt());
        await using (var seed = await Api.Contexts.CreateDbContextAsync())
        {
            seed.MpesaTransactions.Add(MpesaTransaction.Receive(_mpesa.Id, MpesaTransactionKind.StkCallback, body, DateTime.UtcNow, checkoutRequestId: checkout));
            await seed.SaveChangesAsync();
        }

        using var response = await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_mpesa.Id, _mpesa.DarajaCallbackToken), body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var paid = await db.Purchases.SingleAsync(p => p.Id == purchase.Id);
        var vouchers = await db.Vouchers.Where(v => v.PurchaseId == purchase.Id).ToListAsync();
        var row = await db.MpesaTransactions.SingleAsync(t => t.OrganizationId == _mpesa.Id && t.CheckoutRequestId == checkout);
        Assert.Multiple(() =>
        {
            Assert.That(paid.Status, Is.EqualTo(PurchaseStatus.Paid));
            Assert.That(vouchers, Has.Count.EqualTo(1), "the refused statement left no voucher behind");
            Assert.That(paid.VoucherId, Is.EqualTo(vouchers.Single().Id));
            Assert.That(row.Status, Is.EqualTo(CallbackStatus.Settled));
            Assert.That(row.PurchaseId, Is.EqualTo(purchase.Id));
        });
    }

    [Test]
    public async Task A_payment_of_the_wrong_amount_is_stored_for_review_and_pays_nothing()
    {
        var checkout = "ws_CO_one_" + Guid.NewGuid().ToString("N");
        var purchase = await BillingSeed.PendingPurchaseAsync(Api, _mpesa.Id, checkout);

        using var response = await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_mpesa.Id, _mpesa.DarajaCallbackToken),
            Callbacks.StkSuccess(checkout, 19, NewReceipt()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var row = await db.MpesaTransactions.SingleAsync(t => t.OrganizationId == _mpesa.Id && t.CheckoutRequestId == checkout);
        Assert.Multiple(async () =>
        {
            Assert.That((await db.Purchases.SingleAsync(p => p.Id == purchase.Id)).Status, Is.EqualTo(PurchaseStatus.Pending));
            Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == purchase.Id), Is.Zero);
            Assert.That(row.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        });
    }

    [Test]
    public async Task Racing_callbacks_with_one_already_stored_among_them_pay_every_purchase_once()
    {
        // Sent together, they are likely settled as one batch; the delivery stored before (the process stopped between
        // storing and applying it) makes its batch's statement meet a unique index, so nothing of that statement is
        // written and each callback of it is stored and applied on its own.
        var checkouts = await PendingPurchasesWithCallbacksAsync(20);
        await using (var seed = await Api.Contexts.CreateDbContextAsync())
        {
            seed.MpesaTransactions.Add(MpesaTransaction.Receive(_mpesa.Id, MpesaTransactionKind.StkCallback, checkouts[7].Body, DateTime.UtcNow,
                checkoutRequestId: checkouts[7].Checkout));
            await seed.SaveChangesAsync();
        }

        var url = Callbacks.DarajaUrl(_mpesa.Id, _mpesa.DarajaCallbackToken);
        var responses = await Task.WhenAll(checkouts.Select(c => Callbacks.PostAsync(Client, url, c.Body)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        await AssertEachPaidOnceWithOneStoredRowAsync(checkouts);
    }

    [Test]
    public async Task Racing_callbacks_of_two_organizations_pay_only_their_own_organizations_purchases()
    {
        // The neighbour's URL carries this organization's CheckoutRequestIDs too (a forger who knows one token): read
        // together, the purchases found for one organization must never be paid by the other's callbacks.
        var neighbour = await BillingSeed.OrganizationAsync(Api, "Neighbour hotspot", PaymentMethodType.Mpesa);
        var own = new List<(Guid Purchase, string Checkout)>();
        var theirs = new List<(Guid Purchase, string Checkout)>();
        for (var i = 0; i < 10; i++)
        {
            var checkout = "ws_CO_own_" + Guid.NewGuid().ToString("N");
            own.Add(((await BillingSeed.PendingPurchaseAsync(Api, _mpesa.Id, checkout)).Id, checkout));
            checkout = "ws_CO_theirs_" + Guid.NewGuid().ToString("N");
            theirs.Add(((await BillingSeed.PendingPurchaseAsync(Api, neighbour.Id, checkout)).Id, checkout));
        }
        var ownUrl = Callbacks.DarajaUrl(_mpesa.Id, _mpesa.DarajaCallbackToken);
        var theirUrl = Callbacks.DarajaUrl(neighbour.Id, neighbour.DarajaCallbackToken);
        var posts = theirs.Select(t => (theirUrl, Callbacks.StkSuccess(t.Checkout, 20, NewReceipt())))
            .Concat(own.Take(5).Select(o => (theirUrl, Callbacks.StkSuccess(o.Checkout, 20, NewReceipt()))))
            .Concat(own.Skip(5).Select(o => (ownUrl, Callbacks.StkSuccess(o.Checkout, 20, NewReceipt()))));

        var responses = await Task.WhenAll(posts.Select(p => Callbacks.PostAsync(Client, p.Item1, p.Item2)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var status = await db.Purchases.Where(p => p.OrganizationId == _mpesa.Id || p.OrganizationId == neighbour.Id)
            .ToDictionaryAsync(p => p.Id, p => p.Status);
        var forged = own.Take(5).Select(o => o.Checkout).ToList();
        var forgedRows = await db.MpesaTransactions.Where(t => t.OrganizationId == neighbour.Id && forged.Contains(t.CheckoutRequestId!)).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(theirs.Select(t => status[t.Purchase]), Is.All.EqualTo(PurchaseStatus.Paid));
            Assert.That(own.Take(5).Select(o => status[o.Purchase]), Is.All.EqualTo(PurchaseStatus.Pending), "paid by another organization's callback");
            Assert.That(own.Skip(5).Select(o => status[o.Purchase]), Is.All.EqualTo(PurchaseStatus.Paid));
            Assert.That(forgedRows, Has.Count.EqualTo(5), "every delivery is kept");
            Assert.That(forgedRows.Select(r => r.PurchaseId), Is.All.Null);
            Assert.That(forgedRows.Select(r => r.Status), Is.All.EqualTo(CallbackStatus.NeedsReview));
        });
    }

    [Test]
    public async Task Two_racing_callbacks_with_one_receipt_pay_one_purchase_and_keep_the_other_for_review()
    {
        var first = "ws_CO_receipt_" + Guid.NewGuid().ToString("N");
        var second = "ws_CO_receipt_" + Guid.NewGuid().ToString("N");
        var purchases = new[] { await BillingSeed.PendingPurchaseAsync(Api, _mpesa.Id, first), await BillingSeed.PendingPurchaseAsync(Api, _mpesa.Id, second) };
        var receipt = NewReceipt();
        var url = Callbacks.DarajaUrl(_mpesa.Id, _mpesa.DarajaCallbackToken);

        var responses = await Task.WhenAll(
            Callbacks.PostAsync(Client, url, Callbacks.StkSuccess(first, 20, receipt)),
            Callbacks.PostAsync(Client, url, Callbacks.StkSuccess(second, 20, receipt)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var ids = purchases.Select(p => p.Id).ToList();
        var after = await db.Purchases.Where(p => ids.Contains(p.Id)).ToListAsync();
        var rows = await db.MpesaTransactions.Where(t => t.OrganizationId == _mpesa.Id && (t.CheckoutRequestId == first || t.CheckoutRequestId == second))
            .ToListAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(after.Count(p => p.Status == PurchaseStatus.Paid), Is.EqualTo(1), "one receipt buys one voucher");
            Assert.That(after.Count(p => p.Status == PurchaseStatus.Pending && p.ReviewReason is not null), Is.EqualTo(1));
            Assert.That(await db.Vouchers.CountAsync(v => ids.Contains(v.PurchaseId!.Value)), Is.EqualTo(1));
            Assert.That(rows.Select(r => r.Status), Is.EquivalentTo(new[] { CallbackStatus.Settled, CallbackStatus.Processed }), "the second is applied: its purchase is kept for review");
        });
    }

    private async Task<List<(Guid Purchase, string Checkout, string Body)>> PendingPurchasesWithCallbacksAsync(int count)
    {
        var checkouts = new List<(Guid Purchase, string Checkout, string Body)>();
        for (var i = 0; i < count; i++)
        {
            var checkout = "ws_CO_one_" + Guid.NewGuid().ToString("N");
            var purchase = await BillingSeed.PendingPurchaseAsync(Api, _mpesa.Id, checkout);
            checkouts.Add((purchase.Id, checkout, Callbacks.StkSuccess(checkout, 20, NewReceipt())));
        }
        return checkouts;
    }

    private async Task AssertEachPaidOnceWithOneStoredRowAsync(IEnumerable<(Guid Purchase, string Checkout, string Body)> checkouts)
    {
        await using var db = await Api.Contexts.CreateDbContextAsync();
        foreach (var (purchaseId, checkout, _) in checkouts)
        {
            var purchase = await db.Purchases.SingleAsync(p => p.Id == purchaseId);
            var vouchers = await db.Vouchers.Where(v => v.PurchaseId == purchaseId).ToListAsync();
            var rows = await db.MpesaTransactions.Where(t => t.OrganizationId == _mpesa.Id && t.CheckoutRequestId == checkout).ToListAsync();
            Assert.Multiple(() =>
            {
                Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
                Assert.That(vouchers, Has.Count.EqualTo(1));
                Assert.That(purchase.VoucherId, Is.EqualTo(vouchers.Single().Id));
                Assert.That(rows, Has.Count.EqualTo(1), "an exact re-delivery is stored once");
                Assert.That(rows.Single().Status, Is.EqualTo(CallbackStatus.Settled));
                Assert.That(rows.Single().PurchaseId, Is.EqualTo(purchaseId));
            });
        }
    }

    private static string NewReceipt() => "T" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
}
