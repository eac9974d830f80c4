namespace Hotspot.Domain.Purchases;

public enum PurchaseStatus
{
    /// <summary>Written before the payment request is sent; waiting for the provider.</summary>
    Pending,

    /// <summary>Final: the money arrived and the voucher was issued.</summary>
    Paid,

    Failed,
    Cancelled,
    Expired,
}
