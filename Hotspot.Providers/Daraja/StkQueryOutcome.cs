using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Providers.Daraja;

/// <summary>
/// What an STK push query says. <see cref="PaymentState.Pending"/> covers both "500.001.1001 The transaction is
/// being processed" and result code 4999.
/// </summary>
public sealed record StkQueryOutcome(
    PaymentState State,
    string? ResultCode,
    string ResultDescription,
    string? MerchantRequestId,
    string CheckoutRequestId)
{
    public PaymentFailureReason FailureReason => StkResultCodes.Reason(ResultCode);

    /// <summary>
    /// The query answers "still pending" with an error envelope: <c>500.001.1001</c> "The transaction is being
    /// processed". Other <c>500.001.1001</c> messages (wrong credentials, unknown merchant) are real errors.
    /// </summary>
    public static StkQueryOutcome? PendingFrom(GatewayError error, string checkoutRequestId) =>
        error.Code == "500.001.1001"
        && (error.Message.Contains("being processed", StringComparison.OrdinalIgnoreCase)
            || error.Message.Contains("under processing", StringComparison.OrdinalIgnoreCase))
            ? new StkQueryOutcome(PaymentState.Pending, null, error.Message, null, error.RequestId ?? checkoutRequestId)
            : null;
}
