namespace Hotspot.Domain.Payments.Gateways;

/// <summary>The provider accepted the credentials and issued a token valid until <paramref name="TokenExpiresAt"/>.</summary>
public sealed record CredentialsVerified(DateTimeOffset TokenExpiresAt);
