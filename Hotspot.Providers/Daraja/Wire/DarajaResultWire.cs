using System.Text.Json;
using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary>Asynchronous result of B2C, transaction status, account balance and reversal: <c>{"Result":{...}}</c>.</summary>
public sealed record DarajaResultEnvelope(DarajaResultWire? Result);

public sealed record DarajaResultWire(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ResultType,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ResultCode,
    string? ResultDesc,
    string? OriginatorConversationID,
    string? ConversationID,
    string? TransactionID,
    DarajaResultParameters? ResultParameters,
    DarajaReferenceData? ReferenceData);

/// <summary><c>ResultParameter</c> is an array, or a single object when there is one.</summary>
public sealed record DarajaResultParameters(
    [property: JsonConverter(typeof(DarajaKeyValueListConverter))] List<DarajaKeyValue>? ResultParameter);

public sealed record DarajaReferenceData(
    [property: JsonConverter(typeof(DarajaKeyValueListConverter))] List<DarajaKeyValue>? ReferenceItem);

/// <summary>A <c>{"Key":..,"Value":..}</c> pair; <c>Value</c> may be a string, a number, or missing.</summary>
public sealed record DarajaKeyValue(string? Key, JsonElement? Value);
