namespace Hotspot.Domain.Payments;

/// <summary>An OAuth access token issued by a payment provider, and when it stops working.</summary>
public sealed record ProviderToken(string AccessToken, DateTimeOffset ExpiresAt);
