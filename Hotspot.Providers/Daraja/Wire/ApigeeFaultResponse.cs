using System.Text.Json.Serialization;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary>The API gateway's own fault, e.g. <c>messaging.adaptors.http.flow.ApplicationNotFound</c>.</summary>
public sealed record ApigeeFaultResponse([property: JsonPropertyName("fault")] ApigeeFault? Fault);

public sealed record ApigeeFault(
    [property: JsonPropertyName("faultstring")] string? FaultString,
    [property: JsonPropertyName("detail")] ApigeeFaultDetail? Detail);

public sealed record ApigeeFaultDetail([property: JsonPropertyName("errorcode")] string? ErrorCode);
