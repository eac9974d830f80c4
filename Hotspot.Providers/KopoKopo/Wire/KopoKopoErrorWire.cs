using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.KopoKopo.Wire;

/// <summary>API error body: <c>{"error_code": 400, "error_message": "..."}</c>.</summary>
public sealed record KopoKopoErrorResponse(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ErrorCode,
    string? ErrorMessage);

/// <summary>OAuth error body: <c>{"error": "...", "error_description": "..."}</c>.</summary>
public sealed record KopoKopoOAuthError(string? Error, string? ErrorDescription);
