using System.Text.Json;
using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary>The STK callback as Daraja posts it: <c>{"Body":{"stkCallback":{...}}}</c>.</summary>
public sealed record StkCallbackEnvelope(StkCallbackBody? Body);

public sealed record StkCallbackBody([property: JsonPropertyName("stkCallback")] StkCallbackWire? StkCallback);

public sealed record StkCallbackWire(
    string? MerchantRequestID,
    string? CheckoutRequestID,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ResultCode,
    string? ResultDesc,
    StkCallbackMetadata? CallbackMetadata);

/// <summary>Only on success. Items come in any order and <c>Balance</c> may have no <c>Value</c>.</summary>
public sealed record StkCallbackMetadata(List<StkCallbackItem>? Item);

public sealed record StkCallbackItem(string? Name, JsonElement? Value);
