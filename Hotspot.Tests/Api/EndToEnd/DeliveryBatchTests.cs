using System.Net;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// Deliveries that pay nothing (failures, forgeries, re-deliveries, C2B confirmations) are stored together when they
/// arrive together on PostgreSQL (one at a time on SQLite): each distinct delivery is still stored exactly once, each
/// forgery is kept, and each is applied once.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class DeliveryBatchTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    private Organization _mpesa = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:ReconcilerEnabled"] = "false" };

    protected override async Task SeedAsync() => _mpesa = await BillingSeed.OrganizationAsync(Api, "Batched inbox hotspot", PaymentMethodType.Mpesa);

    [Test]
    public async Task Racing_failures_forgeries_and_confirmations_are_each_stored_once_and_applied_once()
    {
        var failures = new List<(Guid Purchase, string Checkout, string Body)>();
        for (var i = 0; i < 12; i++)
        {
            var checkout = "ws_CO_batch_" + Guid.NewGuid().ToString("N");
            var purchase = await BillingSeed.PendingPurchaseAsync(Api, _mpesa.Id, checkout);
            failures.Add((purchase.Id, checkout, Callbacks.StkFailure(checkout, 1032, "Request cancelled by user")));
        }
        var forged = Callbacks.StkSuccess("ws_CO_forged_" + Guid.NewGuid().ToString("N"), 20, "TFORGED001");
        var receipts = Enumerable.Range(0, 12).Select(_ => "T" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant()).ToList();
        var url = Callbacks.DarajaUrl(_mpesa.Id, _mpesa.DarajaCallbackToken);
        var c2bUrl = Callbacks.C2BConfirmationUrl(_mpesa.Id, _mpesa.DarajaCallbackToken);
        var forgedUrl = Callbacks.DarajaUrl(_mpesa.Id, "forged-" + Guid.NewGuid().ToString("N"));

        // Each failure three times, the same forgery twelve times, each confirmation twice: all at once.
        var posts = failures.SelectMany(f => Enumerable.Repeat((Url: url, Body: f.Body, Forged: false), 3))
            .Concat(Enumerable.Repeat((Url: forgedUrl, Body: forged, Forged: true), 12))
            .Concat(receipts.SelectMany(r => Enumerable.Repeat((Url: c2bUrl, Body: Callbacks.C2BConfirmation(r, 50), Forged: false), 2)))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        var responses = await Task.WhenAll(posts.Select(async p => (p.Forged, (await Callbacks.PostAsync(Client, p.Url, p.Body)).StatusCode)));

        await using var db = await Api.Contexts.CreateDbContextAsync();
        var rows = await db.MpesaTransactions.AsNoTracking().Where(t => t.OrganizationId == _mpesa.Id).ToListAsync();
        var ids = failures.Select(f => f.Purchase).ToList();
        var purchases = await db.Purchases.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(responses.Where(r => !r.Forged).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(responses.Where(r => r.Forged).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized));
            var refused = rows.Where(r => r.BodySha256 is null).ToList();
            Assert.That(refused, Has.Count.EqualTo(12), "every forgery is kept, without its ids");
            Assert.That(refused.Select(r => r.Status), Is.All.EqualTo(CallbackStatus.NeedsReview));
            Assert.That(refused.Select(r => r.CheckoutRequestId), Is.All.Null);
            foreach (var (purchase, checkout, _) in failures)
            {
                var stored = rows.Where(r => r.CheckoutRequestId == checkout).ToList();
                Assert.That(stored, Has.Count.EqualTo(1), "an exact re-delivery is stored once");
                Assert.That(stored.Single().Status, Is.EqualTo(CallbackStatus.Processed));
                Assert.That(stored.Single().PurchaseId, Is.EqualTo(purchase));
            }
            Assert.That(purchases.Select(p => p.Status), Is.All.EqualTo(PurchaseStatus.Cancelled));
            foreach (var receipt in receipts)
                Assert.That(rows.Count(r => r.Kind == MpesaTransactionKind.C2BConfirmation && r.ReceiptNumber == receipt), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Payments_their_re_deliveries_second_payments_and_forgeries_racing_pay_each_purchase_once()
    {
        // Its own organization: the other test counts every forgery of its organization.
        var organization = await BillingSeed.OrganizationAsync(Api, "Mixed batch hotspot", PaymentMethodType.Mpesa);
        var payments = new List<(Guid Purchase, string Checkout, string Payment, string Second)>();
        for (var i = 0; i < 12; i++)
        {
            var checkout = "ws_CO_mixed_" + Guid.NewGuid().ToString("N");
            var purchase = await BillingSeed.PendingPurchaseAsync(Api, organization.Id, checkout);
            payments.Add((purchase.Id, checkout, Callbacks.StkSuccess(checkout, 20, Receipt()), Callbacks.StkSuccess(checkout, 20, Receipt())));
        }
        var url = Callbacks.DarajaUrl(organization.Id, organization.DarajaCallbackToken);
        var forgedUrl = Callbacks.DarajaUrl(organization.Id, "forged-" + Guid.NewGuid().ToString("N"));

        // Each payment three times, a second payment (another receipt) for each purchase, and six distinct forgeries:
        // on PostgreSQL the batches that pay also store what they pass over, in the same commit.
        var posts = payments.SelectMany(p => Enumerable.Repeat((Url: url, Body: p.Payment, Forged: false), 3).Append((Url: url, Body: p.Second, Forged: false)))
            .Concat(Enumerable.Range(0, 6).Select(_ => (Url: forgedUrl, Body: Callbacks.StkSuccess("ws_CO_forged_" + Guid.NewGuid().ToString("N"), 20, Receipt()), Forged: true)))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        var responses = await Task.WhenAll(posts.Select(async p => (p.Forged, (await Callbacks.PostAsync(Client, p.Url, p.Body)).StatusCode)));

        await using var db = await Api.Contexts.CreateDbContextAsync();
        var rows = await db.MpesaTransactions.AsNoTracking().Where(t => t.OrganizationId == organization.Id).ToListAsync();
        var ids = payments.Select(p => p.Purchase).ToList();
        var purchases = await db.Purchases.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync();
        var vouchers = await db.Vouchers.AsNoTracking().Where(v => v.PurchaseId != null && ids.Contains(v.PurchaseId.Value)).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(responses.Where(r => !r.Forged).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(responses.Where(r => r.Forged).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(rows.Where(r => r.BodySha256 is null).ToList(), Has.Count.EqualTo(6), "every forgery is kept, without its ids");
            Assert.That(purchases.Select(p => p.Status), Is.All.EqualTo(PurchaseStatus.Paid));
            Assert.That(vouchers.Select(v => v.PurchaseId).ToList(), Is.Unique.And.Count.EqualTo(12), "one voucher a purchase");
            foreach (var (purchase, checkout, _, _) in payments)
            {
                // Either payment may arrive first: the one that pays is settled, the other is kept for review.
                var stored = rows.Where(r => r.CheckoutRequestId == checkout).ToList();
                Assert.That(stored, Has.Count.EqualTo(2), "each distinct delivery is stored once");
                var settled = stored.Where(r => r.Status == CallbackStatus.Settled).ToList();
                Assert.That(settled, Has.Count.EqualTo(1));
                Assert.That(stored.Count(r => r.Status == CallbackStatus.NeedsReview), Is.EqualTo(1));
                Assert.That(purchases.Single(p => p.Id == purchase).ProviderReceipt, Is.EqualTo(settled.SingleOrDefault()?.ReceiptNumber));
            }
        });
    }

    private static string Receipt() => "T" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
}
