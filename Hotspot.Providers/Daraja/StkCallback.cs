namespace Hotspot.Providers.Daraja;

/// <summary>An STK callback, read. Metadata fields are present only on success.</summary>
/// <param name="ResultCode">Verbatim (<c>0</c> success, <c>1032</c> cancelled, ...).</param>
/// <param name="ResultDescription">Without the old <c>[STK_CB - ]</c> style prefix.</param>
/// <param name="TransactionDate">Daraja's local time, East Africa Time.</param>
/// <param name="Balance">The short code's balance, when Daraja sends one with a value.</param>
public sealed record StkCallback(
    string MerchantRequestId,
    string CheckoutRequestId,
    string ResultCode,
    string ResultDescription,
    long? AmountShillings,
    string? ReceiptNumber,
    DateTimeOffset? TransactionDate,
    string? PhoneNumber,
    decimal? Balance)
{
    public bool IsSuccess => ResultCode == StkResultCodes.Success;
}
