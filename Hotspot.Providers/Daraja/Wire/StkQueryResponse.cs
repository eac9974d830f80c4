using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary>The query answer; unlike the callback, its codes are strings.</summary>
public sealed record StkQueryResponse(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ResponseCode,
    string? ResponseDescription,
    string? MerchantRequestID,
    string? CheckoutRequestID,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ResultCode,
    string? ResultDesc);
