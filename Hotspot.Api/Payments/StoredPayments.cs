using Hotspot.Domain.Organizations;
using Hotspot.Domain.Text;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Payments;

/// <summary>
/// Reads payments from both provider tables and changes what became of one. A change is a conditional UPDATE on the
/// status and resolution as they were read: when another writer (a second admin, a second claim, a late callback)
/// changed the row first, no row matches and the caller reports a conflict. PostgreSQL makes the loser wait on the
/// winner's row lock and then re-checks the condition; SQLite serialises writers.
/// </summary>
public static class StoredPayments
{
    public static async Task<StoredPayment?> FindAsync(HotspotDbContext db, Guid organizationId, Guid id, CancellationToken cancellationToken)
    {
        var mpesa = await db.MpesaTransactions.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == id && t.OrganizationId == organizationId, cancellationToken);
        if (mpesa is not null)
            return StoredPayment.Of(mpesa);
        var kopoKopo = await db.KopoKopoTransactions.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == id && t.OrganizationId == organizationId, cancellationToken);
        return kopoKopo is null ? null : StoredPayment.Of(kopoKopo);
    }

    /// <summary>Every row of the organization carrying this M-Pesa receipt (Kopo Kopo: reference), oldest first.</summary>
    public static async Task<IReadOnlyList<StoredPayment>> WithReceiptAsync(HotspotDbContext db, Guid organizationId, string receipt,
        CancellationToken cancellationToken)
    {
        var mpesa = await db.MpesaTransactions.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.ReceiptNumber == receipt).ToListAsync(cancellationToken);
        var kopoKopo = await db.KopoKopoTransactions.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.Reference == receipt).ToListAsync(cancellationToken);
        return mpesa.Select(StoredPayment.Of).Concat(kopoKopo.Select(StoredPayment.Of)).OrderBy(p => p.ReceivedAt).ToList();
    }

    /// <summary>Writes <paramref name="change"/> if the row still stands as <paramref name="seen"/>; false when it does not.</summary>
    public static async Task<bool> TryChangeAsync(HotspotDbContext db, StoredPayment seen, PaymentChange change, CancellationToken cancellationToken)
    {
        var changed = seen.Provider == PaymentMethodType.Mpesa
            ? await ChangeAsync(db.MpesaTransactions, seen, change, cancellationToken)
            : await ChangeAsync(db.KopoKopoTransactions, seen, change, cancellationToken);
        return changed == 1;
    }

    private static Task<int> ChangeAsync<TRow>(IQueryable<TRow> rows, StoredPayment seen, PaymentChange change, CancellationToken cancellationToken)
        where TRow : StoredCallback
    {
        var seenStatus = seen.Status;
        var seenAction = seen.Resolution?.Action;
        var seenAt = seen.Resolution?.ResolvedAt;
        var reason = change.ReviewReason is null ? null : TextLimits.Truncate(change.ReviewReason, 500);
        var resolution = change.Resolution;
        PaymentResolutionAction? action = resolution?.Action;
        DateTime? resolvedAt = resolution?.ResolvedAt;
        string? note = resolution?.Note, resolvedBy = resolution?.ResolvedBy;
        Guid? voucherId = resolution?.VoucherId;
        return rows
            .Where(t => t.Id == seen.Id && t.OrganizationId == seen.OrganizationId && t.Status == seenStatus
                && t.Resolution == seenAction && t.ResolvedAt == seenAt)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Status, change.Status)
                .SetProperty(t => t.PurchaseId, change.PurchaseId)
                .SetProperty(t => t.ReviewReason, reason)
                .SetProperty(t => t.Resolution, action)
                .SetProperty(t => t.ResolutionNote, note)
                .SetProperty(t => t.ResolvedBy, resolvedBy)
                .SetProperty(t => t.ResolvedAt, resolvedAt)
                .SetProperty(t => t.ResolutionVoucherId, voucherId),
                cancellationToken);
    }
}
