using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary>Note Safaricom's spelling <c>OriginatorCoversationID</c>.</summary>
public sealed record C2BRegisterUrlResponse(
    string? OriginatorCoversationID,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ResponseCode,
    string? ResponseDescription);
