namespace Hotspot.Domain.Payments.Gateways;

/// <summary>Why a payment failed, as far as the customer needs to know.</summary>
public enum PaymentFailureReason
{
    None,
    CancelledByUser,
    PhoneUnreachable,
    InsufficientFunds,
    WrongPin,
    Expired,
    Other,
}
