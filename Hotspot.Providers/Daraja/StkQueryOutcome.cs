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
}
