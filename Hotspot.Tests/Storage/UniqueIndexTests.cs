using Hotspot.Domain.Transactions;
using Hotspot.Domain.Users;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Storage;

/// <summary>Duplicates the database itself must refuse, whatever the code above it does.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class UniqueIndexTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private static readonly Guid OrganizationA = Guid.NewGuid();
    private static readonly Guid OrganizationB = Guid.NewGuid();

    [Test]
    public async Task A_duplicate_mpesa_receipt_is_rejected()
    {
        var receipt = "R" + Unique();
        await InsertAsync(Mpesa(OrganizationA, checkout: Unique(), receipt: receipt));
        var duplicate = await InsertAsync(Mpesa(OrganizationA, checkout: Unique(), receipt: receipt));
        Assert.That(duplicate, Is.Not.Null.And.Matches<Exception>(DatabaseErrors.IsUniqueViolation));
    }

    [Test]
    public async Task A_duplicate_checkout_request_id_is_rejected()
    {
        var checkout = "ws_CO_" + Unique();
        await InsertAsync(Mpesa(OrganizationA, checkout: checkout, receipt: null));
        var duplicate = await InsertAsync(Mpesa(OrganizationA, checkout: checkout, receipt: null));
        Assert.That(duplicate, Is.Not.Null.And.Matches<Exception>(DatabaseErrors.IsUniqueViolation));
    }

    [Test]
    public async Task A_duplicate_kopokopo_event_id_is_rejected()
    {
        var eventId = Guid.NewGuid().ToString();
        await InsertAsync(KopoKopo(OrganizationA, eventId, reference: null));
        var duplicate = await InsertAsync(KopoKopo(OrganizationA, eventId, reference: null));
        Assert.That(duplicate, Is.Not.Null.And.Matches<Exception>(DatabaseErrors.IsUniqueViolation));
    }

    [Test]
    public async Task A_duplicate_kopokopo_reference_is_rejected()
    {
        var reference = "OJ" + Unique();
        await InsertAsync(KopoKopo(OrganizationA, Guid.NewGuid().ToString(), reference));
        var duplicate = await InsertAsync(KopoKopo(OrganizationA, Guid.NewGuid().ToString(), reference));
        Assert.That(duplicate, Is.Not.Null.And.Matches<Exception>(DatabaseErrors.IsUniqueViolation));
    }

    [Test]
    public async Task Callbacks_without_receipt_or_reference_do_not_collide()
    {
        Assert.That(await InsertAsync(Mpesa(OrganizationA, checkout: Unique(), receipt: null)), Is.Null);
        Assert.That(await InsertAsync(Mpesa(OrganizationA, checkout: Unique(), receipt: null)), Is.Null);
        Assert.That(await InsertAsync(KopoKopo(OrganizationA, Guid.NewGuid().ToString(), null)), Is.Null);
        Assert.That(await InsertAsync(KopoKopo(OrganizationA, Guid.NewGuid().ToString(), null)), Is.Null);
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

    private static MpesaTransaction Mpesa(Guid organizationId, string? checkout, string? receipt) =>
        MpesaTransaction.Receive(organizationId, MpesaTransactionKind.StkCallback, "{}", TestData.Now,
            checkoutRequestId: checkout, receiptNumber: receipt, resultCode: 0, amountKes: 10);

    private static KopoKopoTransaction KopoKopo(Guid organizationId, string eventId, string? reference) =>
        KopoKopoTransaction.Receive(organizationId, KopoKopoTransactionType.BuyGoods, "{}", TestData.Now,
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
