namespace Hotspot.Domain.Payments.Gateways;

/// <summary>Where a payment stands according to the provider.</summary>
/// <param name="ResultCode">The provider's result code, verbatim (e.g. <c>1032</c>, <c>4999</c>).</param>
/// <param name="Receipt">The M-Pesa receipt number, when the provider gives it.</param>
/// <param name="AmountShillings">The amount paid in whole shillings, when the provider gives it.</param>
/// <param name="Currency">The currency as the provider wrote it; Daraja names none, its amounts are shillings.</param>
public sealed record PaymentStatus(
    PaymentState State,
    PaymentFailureReason FailureReason,
    string? ResultCode,
    string? ResultMessage,
    string? Receipt = null,
    long? AmountShillings = null,
    string? PhoneNumber = null,
    string Currency = Currencies.Kes);
