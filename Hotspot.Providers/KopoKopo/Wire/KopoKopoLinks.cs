namespace Hotspot.Providers.KopoKopo.Wire;

/// <summary><c>_links</c> of requests and results.</summary>
public sealed record KopoKopoLinks(string? CallbackUrl, string? Self = null, string? Resource = null);

/// <summary><c>{"currency": "KES", "value": 20000}</c>.</summary>
public sealed record KopoKopoAmount(string Currency, long? Value);
