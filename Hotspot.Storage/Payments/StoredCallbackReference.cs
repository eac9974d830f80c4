using Hotspot.Domain.Organizations;
using Hotspot.Domain.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.Payments;

/// <summary>
/// Points at a stored callback: a row of <c>isp_mpesa_transactions</c> or <c>isp_kopokopo_transactions</c>. A callback
/// that has just stored its row passes the row itself, so recording its decision costs no second read.
/// </summary>
public sealed record StoredCallbackReference(PaymentMethodType Provider, Guid TransactionId)
{
    public StoredCallback? StoredRow { get; private init; }

    public static StoredCallbackReference Stored(MpesaTransaction row) => new(PaymentMethodType.Mpesa, row.Id) { StoredRow = row };

    public static StoredCallbackReference Stored(KopoKopoTransaction row) => new(PaymentMethodType.KopoKopo, row.Id) { StoredRow = row };

    /// <summary>
    /// Writes <paramref name="decision"/> onto the row in <paramref name="db"/>, so it commits with the outcome. A row
    /// the callback has just stored is attached rather than read again; otherwise it is read by id within the organization.
    /// </summary>
    public async Task RecordAsync(HotspotDbContext db, Guid organizationId, StoredCallbackDecision decision, CancellationToken cancellationToken)
    {
        var row = StoredRow is { } stored ? Attach(db, stored) : await ReadAsync(db, organizationId, cancellationToken);
        if (row is null)
            return;
        decision.ApplyTo(row);
        // Always write the decision's columns: an attached row may carry a decision from an earlier attempt that was
        // rolled back, so "unchanged in memory" does not mean "already in the database".
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

    private async Task<StoredCallback?> ReadAsync(HotspotDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        Provider == PaymentMethodType.Mpesa
            ? await db.MpesaTransactions.SingleOrDefaultAsync(t => t.Id == TransactionId && t.OrganizationId == organizationId, cancellationToken)
            : await db.KopoKopoTransactions.SingleOrDefaultAsync(t => t.Id == TransactionId && t.OrganizationId == organizationId, cancellationToken);
}
