using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Providers.KopoKopo;

/// <summary>Kopo Kopo reports why an STK push failed only as M-Pesa's text; this reads the known ones.</summary>
public static class KopoKopoFailureReasons
{
    public static PaymentFailureReason FromMessage(string? message) => message switch
    {
        null or "" => PaymentFailureReason.Other,
        _ when message.Contains("cancelled", StringComparison.OrdinalIgnoreCase) => PaymentFailureReason.CancelledByUser,
        _ when message.Contains("cannot be reached", StringComparison.OrdinalIgnoreCase)
            || message.Contains("timeout", StringComparison.OrdinalIgnoreCase) => PaymentFailureReason.PhoneUnreachable,
        _ when message.Contains("insufficient", StringComparison.OrdinalIgnoreCase) => PaymentFailureReason.InsufficientFunds,
        _ when message.Contains("initiator information is invalid", StringComparison.OrdinalIgnoreCase) => PaymentFailureReason.WrongPin,
        _ when message.Contains("expired", StringComparison.OrdinalIgnoreCase) => PaymentFailureReason.Expired,
        _ => PaymentFailureReason.Other,
    };
}
