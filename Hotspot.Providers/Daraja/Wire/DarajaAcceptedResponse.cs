using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary>The synchronous acknowledgement of the initiator APIs (B2C, transaction status, balance, reversal).</summary>
public sealed record DarajaAcceptedResponse(
    string? OriginatorConversationID,
    string? ConversationID,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ResponseCode,
    string? ResponseDescription);
