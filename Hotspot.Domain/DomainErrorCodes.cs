namespace Hotspot.Domain;

/// <summary>The stable codes carried by <see cref="DomainException"/>.</summary>
public static class DomainErrorCodes
{
    public const string Validation = "VALIDATION";
    public const string PaymentMethodNotConfigured = "PAYMENT_METHOD_NOT_CONFIGURED";
    public const string InvalidStateTransition = "INVALID_STATE_TRANSITION";
}
