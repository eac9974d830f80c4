using System.Text.Json.Serialization;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary><c>GET /oauth/v1/generate</c>. <c>expires_in</c> arrives as a number or a string.</summary>
public sealed record DarajaTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn);
