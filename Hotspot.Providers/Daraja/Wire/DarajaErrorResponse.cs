using System.Text.Json.Serialization;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary>The synchronous error envelope of every Daraja product.</summary>
public sealed record DarajaErrorResponse(
    [property: JsonPropertyName("requestId")] string? RequestId,
    [property: JsonPropertyName("errorCode")] string? ErrorCode,
    [property: JsonPropertyName("errorMessage")] string? ErrorMessage);
