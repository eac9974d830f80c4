using Hotspot.Domain.Transactions;

namespace Hotspot.Storage.Settlement;

/// <summary>What became of a stored callback: settled a purchase, processed (nothing to change), or kept for review.</summary>
public sealed record CallbackRowMark(CallbackStatus Status, Guid? PurchaseId, string? ReviewReason)
{
    public const string NoMatchingPurchase = "No purchase of this organization matches the payment.";

    public static CallbackRowMark Settled(Guid purchaseId) => new(CallbackStatus.Settled, purchaseId, null);

    public static CallbackRowMark Processed(Guid? purchaseId) => new(CallbackStatus.Processed, purchaseId, null);

    public static CallbackRowMark ForReview(Guid? purchaseId, string reason) => new(CallbackStatus.NeedsReview, purchaseId, reason);

    public void ApplyTo(MpesaTransaction row) => Apply(row.MarkSettled, row.MarkProcessed, row.MarkForReview);

    public void ApplyTo(KopoKopoTransaction row) => Apply(row.MarkSettled, row.MarkProcessed, row.MarkForReview);

    private void Apply(Action<Guid> settled, Action<Guid?> processed, Action<Guid?, string> forReview)
    {
        switch (Status)
        {
            case CallbackStatus.Settled:
                settled(PurchaseId!.Value);
                break;
            case CallbackStatus.Processed:
                processed(PurchaseId);
                break;
            default:
                forReview(PurchaseId, ReviewReason!);
                break;
        }
    }
}
