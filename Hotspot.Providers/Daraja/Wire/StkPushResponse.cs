using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary><c>ResponseCode "0"</c> only means accepted for processing; the outcome comes by callback.</summary>
public sealed record StkPushResponse(
    string? MerchantRequestID,
    string? CheckoutRequestID,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ResponseCode,
    string? ResponseDescription,
    string? CustomerMessage);
