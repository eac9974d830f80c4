using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary><c>POST /pulltransactions/v1/register</c>: <c>ResponseStatus</c> 1000 registered, 1001 already registered.</summary>
public sealed record PullRegisterResponse(
    string? ResponseRefID,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ResponseStatus,
    string? ShortCode,
    string? ResponseDescription);
