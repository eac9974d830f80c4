using Hotspot.Domain.Transactions;
using Hotspot.Domain.Users;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage;
using Hotspot.Storage.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Storage;

/// <summary>Duplicates the database itself must refuse, whatever the code above it does, and the distinct deliveries it must keep.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class UniqueIndexTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private static readonly Guid OrganizationA = Guid.NewGuid();
    private static readonly Guid OrganizationB = Guid.NewGuid();

    [Test]
    public async Task Deliveries_that_share_a_receipt_or_checkout_request_id_are_all_kept()
    {
        // Business ids link deliveries to one payment; refusing the second one once lost money.
        var receipt = "R" + Unique();
        var checkout = "ws_CO_" + Unique();
        Assert.That(await InsertAsync(Mpesa(OrganizationA, checkout: checkout, receipt: receipt)), Is.Null);
        Assert.That(await InsertAsync(Mpesa(OrganizationA, checkout: checkout, receipt: receipt, extra: "again")), Is.Null);
        Assert.That(await InsertAsync(Mpesa(OrganizationA, checkout: checkout, receipt: "R" + Unique())), Is.Null);
    }

    [Test]
    public async Task Kopo_Kopo_deliveries_that_share_an_event_id_or_reference_are_all_kept()
    {
        var eventId = Guid.NewGuid().ToString();
        var reference = "OJ" + Unique();
        Assert.That(await InsertAsync(KopoKopo(OrganizationA, eventId, reference)), Is.Null);
        Assert.That(await InsertAsync(KopoKopo(OrganizationA, eventId, reference, KopoKopoTransactionType.IncomingPayment)), Is.Null);
        Assert.That(await InsertAsync(KopoKopo(OrganizationA, Guid.NewGuid().ToString(), reference)), Is.Null);
    }

    [Test]
    public async Task An_exact_redelivery_is_refused_by_the_delivery_identity()
    {
        var checkout = "ws_CO_" + Unique();
        await InsertAsync(Mpesa(OrganizationA, checkout: checkout, receipt: null));
        var duplicate = await InsertAsync(Mpesa(OrganizationA, checkout: checkout, receipt: null));
        Assert.That(duplicate, Is.Not.Null.And.Matches<Exception>(DatabaseErrors.IsUniqueViolation));
        var reference = "OJ" + Unique();
        await InsertAsync(KopoKopo(OrganizationA, "event", reference));
        Assert.That(await InsertAsync(KopoKopo(OrganizationA, "event", reference)), Is.Not.Null.And.Matches<Exception>(DatabaseErrors.IsUniqueViolation));
    }

    [Test]
    public async Task The_inbox_skips_an_exact_redelivery_without_an_exception()
    {
        var checkout = "ws_CO_" + Unique();
        await using var db = Database.CreateDbContext();
        Assert.That(await DeliveryInbox.TryAddAsync(db, Mpesa(OrganizationA, checkout, "R" + checkout), CancellationToken.None), Is.True);
        Assert.That(await DeliveryInbox.TryAddAsync(db, Mpesa(OrganizationA, checkout, "R" + checkout), CancellationToken.None), Is.False);
        // The same body at another route or another organization is another delivery.
        var c2b = MpesaTransaction.Receive(OrganizationA, MpesaTransactionKind.C2BConfirmation, Body(checkout, "R" + checkout, null), TestData.Now);
        Assert.That(await DeliveryInbox.TryAddAsync(db, c2b, CancellationToken.None), Is.True);
        Assert.That(await DeliveryInbox.TryAddAsync(db, Mpesa(OrganizationB, checkout, "R" + checkout), CancellationToken.None), Is.True);

        var stored = await db.MpesaTransactions.AsNoTracking().Where(t => t.CheckoutRequestId == checkout).ToListAsync();
        Assert.That(stored, Has.Count.EqualTo(2));
        Assert.That(stored.Select(t => t.BodySha256), Is.All.Matches<string>(h => h.Length == 64));
        Assert.That(stored.Select(t => t.Status), Is.All.EqualTo(CallbackStatus.Received));
        Assert.That(stored.Select(t => t.ReceivedAt), Is.All.EqualTo(TestData.Now));
    }

    [Test]
    public async Task Refused_deliveries_hold_no_identity()
    {
        // A forgery of a body must never take the place of the genuine delivery of that body.
        var checkout = "ws_CO_" + Unique();
        await using var db = Database.CreateDbContext();
        for (var i = 0; i < 2; i++)
        {
            var forged = Mpesa(OrganizationA, checkout, "R" + checkout);
            forged.MarkRefused("Wrong callback token in the URL.");
            Assert.That(await DeliveryInbox.TryAddAsync(db, forged, CancellationToken.None), Is.True);
        }
        Assert.That(await DeliveryInbox.TryAddAsync(db, Mpesa(OrganizationA, checkout, "R" + checkout), CancellationToken.None), Is.True);
    }

    [Test]
    public async Task A_receipt_pays_at_most_one_purchase_of_an_organization()
    {
        var (_, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var receipt = "R" + Unique();
        var first = await TestData.PendingPurchaseAsync(Database, plan, "ws_CO_" + Unique());
        var second = await TestData.PendingPurchaseAsync(Database, plan, "ws_CO_" + Unique());
        await using var db = Database.CreateDbContext();
        db.Attach(first).Entity.Settle(plan.PriceKes, receipt, TestData.Now);
        await db.SaveChangesAsync();
        db.Attach(second).Entity.Settle(plan.PriceKes, receipt, TestData.Now);
        var duplicate = Assert.CatchAsync(() => db.SaveChangesAsync());
        Assert.That(DatabaseErrors.IsUniqueViolation(duplicate!), Is.True);
    }

    [Test]
    public async Task The_same_provider_ids_in_another_organization_do_not_block_it()
    {
        // One tenant must not be able to pre-empt another's receipt through its own callback URL.
        var receipt = "R" + Unique();
        var eventId = Guid.NewGuid().ToString();
        Assert.That(await InsertAsync(Mpesa(OrganizationA, Unique(), receipt)), Is.Null);
        Assert.That(await InsertAsync(Mpesa(OrganizationB, Unique(), receipt)), Is.Null);
        Assert.That(await InsertAsync(KopoKopo(OrganizationA, eventId, null)), Is.Null);
        Assert.That(await InsertAsync(KopoKopo(OrganizationB, eventId, null)), Is.Null);
    }

    [Test]
    public async Task A_duplicate_voucher_code_is_rejected_across_organizations()
    {
        var (_, planA) = await TestData.OrganizationWithPlanAsync(Database);
        var (_, planB) = await TestData.OrganizationWithPlanAsync(Database);
        var code = VoucherCodeGenerator.ForBatch();
        await InsertAsync(Voucher.IssueUnused(planA, code, VoucherSource.Batch, null, TestData.Now));
        var duplicate = await InsertAsync(Voucher.IssueUnused(planB, code.ToLowerInvariant(), VoucherSource.Batch, null, TestData.Now));
        Assert.That(duplicate, Is.Not.Null.And.Matches<Exception>(DatabaseErrors.IsUniqueViolation));
    }

    [Test]
    public async Task A_provider_request_id_is_unique_per_organization()
    {
        var (_, planA) = await TestData.OrganizationWithPlanAsync(Database);
        var (_, planB) = await TestData.OrganizationWithPlanAsync(Database);
        var requestId = "ws_CO_" + Unique();
        await TestData.PendingPurchaseAsync(Database, planA, requestId);
        Assert.DoesNotThrowAsync(() => TestData.PendingPurchaseAsync(Database, planB, requestId));
        var duplicate = Assert.CatchAsync(() => TestData.PendingPurchaseAsync(Database, planA, requestId));
        Assert.That(DatabaseErrors.IsUniqueViolation(duplicate!), Is.True);
    }

    [Test]
    public async Task A_duplicate_user_email_is_rejected()
    {
        var email = $"admin-{Unique()}@example.com";
        await InsertAsync(User.Create(email, "hash", UserRole.PlatformAdmin, null, TestData.Now));
        var duplicate = await InsertAsync(User.Create(email.ToUpperInvariant(), "hash", UserRole.OrganizationAdmin, OrganizationA, TestData.Now));
        Assert.That(duplicate, Is.Not.Null.And.Matches<Exception>(DatabaseErrors.IsUniqueViolation));
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    // Bodies differ when their ids do, as real deliveries' do; "extra" makes a distinct delivery with the same ids.
    private static string Body(string? id, string? receipt, string? extra) => $$"""{"id":"{{id}}","receipt":"{{receipt}}","extra":"{{extra}}"}""";

    private static MpesaTransaction Mpesa(Guid organizationId, string? checkout, string? receipt, string? extra = null) =>
        MpesaTransaction.Receive(organizationId, MpesaTransactionKind.StkCallback, Body(checkout, receipt, extra), TestData.Now,
            checkoutRequestId: checkout, receiptNumber: receipt, resultCode: 0, amountKes: 10);

    private static KopoKopoTransaction KopoKopo(Guid organizationId, string eventId, string? reference,
        KopoKopoTransactionType type = KopoKopoTransactionType.BuyGoods) =>
        KopoKopoTransaction.Receive(organizationId, type, Body(eventId, reference, null), TestData.Now,
            eventId: eventId, reference: reference, amountKes: 10, currency: "KES");

    /// <summary>Inserts one row; returns the exception the database raised, or null.</summary>
    private async Task<Exception?> InsertAsync(object row)
    {
        await using var db = Database.CreateDbContext();
        db.Add(row);
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException e)
        {
            return e;
        }
    }
}
