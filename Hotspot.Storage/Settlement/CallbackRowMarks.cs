using Hotspot.Domain.Organizations;
using Hotspot.Domain.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.Settlement;

/// <summary>
/// Marks the stored callback row behind an outcome, in the caller's context so it commits with the outcome. A row
/// the callback has just stored is attached rather than read again; otherwise it is read by id within the organization.
/// </summary>
public static class CallbackRowMarks
{
    public static async Task MarkAsync(HotspotDbContext db, Guid organizationId, SettlementTransaction? reference, CallbackRowMark mark,
        CancellationToken cancellationToken)
    {
        if (reference is null)
            return;
        var row = reference.StoredRow is { } stored ? Attach(db, stored) : await ReadAsync(db, organizationId, reference, cancellationToken);
        if (row is null)
            return;
        mark.ApplyTo(row);
        // Always write the mark columns: an attached row may carry marks from an earlier attempt that was rolled
        // back, so "unchanged in memory" does not mean "already in the database".
        var entry = db.Entry(row);
        entry.Property(nameof(StoredCallback.Status)).IsModified = true;
        entry.Property(nameof(StoredCallback.PurchaseId)).IsModified = true;
        entry.Property(nameof(StoredCallback.ReviewReason)).IsModified = true;
    }

    private static StoredCallback Attach(HotspotDbContext db, StoredCallback row)
    {
        if (db.Entry(row).State == EntityState.Detached)
            db.Attach(row);
        return row;
    }

    private static async Task<StoredCallback?> ReadAsync(HotspotDbContext db, Guid organizationId, SettlementTransaction reference,
        CancellationToken cancellationToken) => reference.Provider == PaymentMethodType.Mpesa
        ? await db.MpesaTransactions.SingleOrDefaultAsync(t => t.Id == reference.TransactionId && t.OrganizationId == organizationId, cancellationToken)
        : await db.KopoKopoTransactions.SingleOrDefaultAsync(t => t.Id == reference.TransactionId && t.OrganizationId == organizationId, cancellationToken);
}
