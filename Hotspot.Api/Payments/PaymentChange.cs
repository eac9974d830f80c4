using Hotspot.Domain.Transactions;

namespace Hotspot.Api.Payments;

/// <summary>The state a payment row moves to: its status, the purchase it relates to, why it is (still) in review, the decision.</summary>
public sealed record PaymentChange(CallbackStatus Status, Guid? PurchaseId, string? ReviewReason, PaymentResolution? Resolution)
{
    /// <summary>The row exactly as it was read: undoes a change whose provider step failed.</summary>
    public static PaymentChange Back(StoredPayment seen) => new(seen.Status, seen.PurchaseId, seen.ReviewReason, seen.Resolution);
}
