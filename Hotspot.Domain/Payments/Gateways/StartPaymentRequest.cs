namespace Hotspot.Domain.Payments.Gateways;

/// <param name="PhoneNumber">Normalised Kenyan MSISDN, <c>2547XXXXXXXX</c> or <c>2541XXXXXXXX</c>.</param>
/// <param name="AmountShillings">Whole Kenyan shillings.</param>
/// <param name="AccountReference">Shown to the customer (Daraja: at most 12 characters).</param>
/// <param name="Description">Short description (Daraja: at most 13 characters).</param>
/// <param name="CallbackUrl">Where the provider posts the result.</param>
/// <param name="Metadata">Echoed back by providers that support it (Kopo Kopo: at most 5 pairs).</param>
public sealed record StartPaymentRequest(
    string PhoneNumber,
    long AmountShillings,
    string AccountReference,
    string Description,
    Uri CallbackUrl,
    IReadOnlyDictionary<string, string>? Metadata = null);
