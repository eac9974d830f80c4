namespace Hotspot.Providers.KopoKopo;

/// <summary>Money out through v2 send_money, to one mobile wallet (<paramref name="PhoneNumber"/>) or one till.</summary>
public sealed record SendMoneyCommand(
    long AmountShillings,
    string Description,
    Uri CallbackUrl,
    string? PhoneNumber = null,
    string? TillNumber = null,
    string? Nickname = null,
    IReadOnlyDictionary<string, string>? Metadata = null);
