using Hotspot.Domain.Transactions;

namespace Hotspot.Storage.Settlement;

/// <summary>What became of a stored callback: settled a purchase, processed (nothing to change), or kept for review.</summary>
public sealed record CallbackRowMark(CallbackStatus Status, Guid? PurchaseId, string? ReviewReason)
{
    public const string NoMatchingPurchase = "No purchase of this organization matches the payment.";

    public static CallbackRowMark Settled(Guid purchaseId) => new(CallbackStatus.Settled, purchaseId, null);

    public static CallbackRowMark Processed(Guid? purchaseId) => new(CallbackStatus.Processed, purchaseId, null);

    public static CallbackRowMark ForReview(Guid? purchaseId, string reason) => new(CallbackStatus.NeedsReview, purchaseId, reason);

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
