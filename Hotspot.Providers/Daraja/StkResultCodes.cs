using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Providers.Daraja;

/// <summary>What an STK result code means for the payment (daraja.md 3.3). Unknown codes are failures.</summary>
public static class StkResultCodes
{
    public const string Success = "0";

    /// <summary>STK query only: "The transaction is still under processing".</summary>
    public const string StillProcessing = "4999";

    public static PaymentState State(string? code) => code switch
    {
        Success => PaymentState.Succeeded,
        StillProcessing or null or "" => PaymentState.Pending,
        _ => PaymentState.Failed,
    };

    public static PaymentFailureReason Reason(string? code) => code switch
    {
        Success or StillProcessing or null or "" => PaymentFailureReason.None,
        "1032" => PaymentFailureReason.CancelledByUser,
        "1037" or "1036" => PaymentFailureReason.PhoneUnreachable,
        "1" => PaymentFailureReason.InsufficientFunds,
        "2001" => PaymentFailureReason.WrongPin,
        "1019" => PaymentFailureReason.Expired,
        _ => PaymentFailureReason.Other,
    };

    public static PaymentStatus Status(string? code, string? description, string? receipt = null, long? amount = null, string? phone = null) =>
        new(State(code), Reason(code), code, description, receipt, amount, phone);
}
