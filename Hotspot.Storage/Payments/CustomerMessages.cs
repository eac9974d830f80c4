using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Storage.Payments;

/// <summary>What the captive portal shows a customer whose payment did not go through.</summary>
public static class CustomerMessages
{
    public static string For(PaymentFailureReason reason) => reason switch
    {
        PaymentFailureReason.CancelledByUser => "You cancelled the M-Pesa prompt. No money was taken; try again when ready.",
        PaymentFailureReason.PhoneUnreachable => "Your phone could not be reached. Check that it is on and has network, then try again.",
        PaymentFailureReason.InsufficientFunds => "Your M-Pesa balance is not enough for this plan.",
        PaymentFailureReason.WrongPin => "The M-Pesa PIN was wrong. No money was taken; try again.",
        PaymentFailureReason.Expired => "The M-Pesa prompt timed out before it was answered. Try again.",
        _ => "The payment did not go through. No voucher was issued; try again or choose another plan.",
    };

    public const string NoOutcome = "No confirmation came from M-Pesa in time. If money was taken, contact the hotspot with your M-Pesa message.";

    public const string ProviderRefused = "The payment could not be started. No money was taken; try again in a moment.";
}
