using Hotspot.Domain.Organizations;
using Hotspot.Domain.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.Payments;

/// <summary>
/// A till or paybill notification (a Daraja C2B confirmation, a Kopo Kopo till webhook) names money by its M-Pesa
/// receipt alone. When a purchase of the organization was paid with that receipt, the notification is linked to it;
/// when none was, it is money nobody asked for, kept for review until the customer claims a voucher with the receipt
/// or an operator decides. Notification and settlement come in either order (Kopo Kopo sends the till webhook and the
/// incoming payment's result for one payment at once), so both sides look: a notification looks for the paid purchase
/// when it is stored, and a settlement, once committed, links the notifications stored before it. Whichever commits
/// second sees the other.
/// </summary>
public sealed class ReceiptLinks(IDbContextFactory<HotspotDbContext> contexts)
{
    public const string UnclaimedPayment =
        "A payment to the till or paybill that no purchase asked for: the customer can claim a voucher with its receipt, or an operator decides.";

    private static readonly MpesaTransactionKind[] MpesaNotifications = [MpesaTransactionKind.C2BConfirmation];

    private static readonly KopoKopoTransactionType[] KopoKopoNotifications =
        [KopoKopoTransactionType.BuyGoods, KopoKopoTransactionType.B2B, KopoKopoTransactionType.M2M];

    /// <summary>
    /// Decides a just-stored notification in one statement: linked to the purchase its receipt paid, or kept for review.
    /// Only a row still undecided is touched, so a settlement that linked it meanwhile is never undone.
    /// </summary>
    public async Task MarkNotificationAsync(Guid organizationId, StoredCallbackReference row, string receipt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var paid = db.Purchases.Where(p => p.OrganizationId == organizationId && p.ProviderReceipt == receipt);
        if (row.Provider == PaymentMethodType.KopoKopo)
            await db.KopoKopoTransactions
                .Where(t => t.Id == row.TransactionId && t.OrganizationId == organizationId && t.Status == CallbackStatus.Received)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.PurchaseId, t => paid.Select(p => (Guid?)p.Id).FirstOrDefault())
                    .SetProperty(t => t.Status, t => paid.Any() ? CallbackStatus.Processed : CallbackStatus.NeedsReview)
                    .SetProperty(t => t.ReviewReason, t => paid.Any() ? null : UnclaimedPayment), cancellationToken);
        else
            await db.MpesaTransactions
                .Where(t => t.Id == row.TransactionId && t.OrganizationId == organizationId && t.Status == CallbackStatus.Received)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.PurchaseId, t => paid.Select(p => (Guid?)p.Id).FirstOrDefault())
                    .SetProperty(t => t.Status, t => paid.Any() ? CallbackStatus.Processed : CallbackStatus.NeedsReview)
                    .SetProperty(t => t.ReviewReason, t => paid.Any() ? null : UnclaimedPayment), cancellationToken);
    }

    /// <summary>
    /// After a settlement committed: links the notifications of its receipt stored before it, decided or not yet (a
    /// notification deciding at this moment either saw the purchase paid, or is waited for by this update's row lock).
    /// </summary>
    public async Task LinkToPurchaseAsync(Guid organizationId, Guid purchaseId, string receipt, PaymentMethodType method, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (method == PaymentMethodType.KopoKopo)
            await db.KopoKopoTransactions
                .Where(t => t.OrganizationId == organizationId && t.Reference == receipt && t.PurchaseId == null
                    && (t.Status == CallbackStatus.NeedsReview || t.Status == CallbackStatus.Received) && KopoKopoNotifications.Contains(t.Type))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.PurchaseId, purchaseId)
                    .SetProperty(t => t.Status, CallbackStatus.Processed)
                    .SetProperty(t => t.ReviewReason, (string?)null), cancellationToken);
        else
            await db.MpesaTransactions
                .Where(t => t.OrganizationId == organizationId && t.ReceiptNumber == receipt && t.PurchaseId == null
                    && (t.Status == CallbackStatus.NeedsReview || t.Status == CallbackStatus.Received) && MpesaNotifications.Contains(t.Kind))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.PurchaseId, purchaseId)
                    .SetProperty(t => t.Status, CallbackStatus.Processed)
                    .SetProperty(t => t.ReviewReason, (string?)null), cancellationToken);
    }
}
