using System.Linq.Expressions;
using Hotspot.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

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
        switch (reference.Provider)
        {
            case PaymentMethodType.Mpesa:
                var mpesa = reference.StoredMpesaRow is { } storedMpesa
                    ? Attach(db, storedMpesa)
                    : await db.MpesaTransactions.SingleOrDefaultAsync(
                        t => t.Id == reference.TransactionId && t.OrganizationId == organizationId, cancellationToken);
                if (mpesa is null)
                    return;
                mark.ApplyTo(mpesa);
                WriteMarks(db.Entry(mpesa), t => t.Status, t => t.PurchaseId, t => t.ReviewReason);
                break;
            case PaymentMethodType.KopoKopo:
                var kopokopo = reference.StoredKopoKopoRow is { } storedKopoKopo
                    ? Attach(db, storedKopoKopo)
                    : await db.KopoKopoTransactions.SingleOrDefaultAsync(
                        t => t.Id == reference.TransactionId && t.OrganizationId == organizationId, cancellationToken);
                if (kopokopo is null)
                    return;
                mark.ApplyTo(kopokopo);
                WriteMarks(db.Entry(kopokopo), t => t.Status, t => t.PurchaseId, t => t.ReviewReason);
                break;
        }
    }

    private static T Attach<T>(HotspotDbContext db, T row) where T : class
    {
        var entry = db.Entry(row);
        if (entry.State == EntityState.Detached)
            db.Attach(row);
        return row;
    }

    /// <summary>
    /// Always writes the mark columns: an attached row may carry marks from an earlier attempt that was rolled
    /// back, so "unchanged in memory" does not mean "already in the database".
    /// </summary>
    private static void WriteMarks<T>(EntityEntry<T> entry, params Expression<Func<T, object?>>[] columns) where T : class
    {
        foreach (var column in columns)
            entry.Property(column).IsModified = true;
    }
}
