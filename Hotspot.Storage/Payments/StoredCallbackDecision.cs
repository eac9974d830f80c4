using Hotspot.Domain.Transactions;

namespace Hotspot.Storage.Payments;

/// <summary>What became of a stored callback: it settled a purchase, was processed (nothing to change), or is kept for review.</summary>
public sealed record StoredCallbackDecision(CallbackStatus Status, Guid? PurchaseId, string? ReviewReason)
{
    public const string NoMatchingPurchase = "No purchase of this organization matches the payment.";

    public static StoredCallbackDecision Settled(Guid purchaseId) => new(CallbackStatus.Settled, purchaseId, null);

    public static StoredCallbackDecision Processed(Guid? purchaseId) => new(CallbackStatus.Processed, purchaseId, null);

    public static StoredCallbackDecision ForReview(Guid? purchaseId, string reason) => new(CallbackStatus.NeedsReview, purchaseId, reason);

    public void ApplyTo(StoredCallback row)
    {
        switch (Status)
        {
            case CallbackStatus.Settled:
                row.MarkSettled(PurchaseId!.Value);
                break;
            case CallbackStatus.Processed:
                row.MarkProcessed(PurchaseId);
                break;
            default:
                row.MarkForReview(PurchaseId, ReviewReason!);
                break;
        }
    }
}
