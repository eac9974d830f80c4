namespace Hotspot.Providers.KopoKopo;

/// <param name="PhoneNumber"><c>2547XXXXXXXX</c> or <c>2541XXXXXXXX</c>; sent as <c>+254...</c>.</param>
/// <param name="Metadata">At most 5 pairs, echoed back in the result.</param>
public sealed record IncomingPaymentCommand(
    string PhoneNumber,
    long AmountShillings,
    Uri CallbackUrl,
    IReadOnlyDictionary<string, string>? Metadata = null,
    string? FirstName = null,
    string? LastName = null,
    string? Email = null);
