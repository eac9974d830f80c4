using System.Text.Json.Serialization;
using Hotspot.Providers.Daraja.Wire;

namespace Hotspot.Providers.Daraja;

/// <summary>Source-generated (de)serialization of Daraja's wire formats, field names as Safaricom writes them.</summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DarajaTokenResponse))]
[JsonSerializable(typeof(DarajaErrorResponse))]
[JsonSerializable(typeof(ApigeeFaultResponse))]
[JsonSerializable(typeof(StkPushRequest))]
[JsonSerializable(typeof(StkPushResponse))]
[JsonSerializable(typeof(StkQueryRequest))]
[JsonSerializable(typeof(StkQueryResponse))]
[JsonSerializable(typeof(C2BRegisterUrlRequest))]
[JsonSerializable(typeof(C2BRegisterUrlResponse))]
[JsonSerializable(typeof(B2CPaymentRequest))]
[JsonSerializable(typeof(TransactionStatusRequest))]
[JsonSerializable(typeof(DarajaAcceptedResponse))]
[JsonSerializable(typeof(PullRegisterResponse))]
[JsonSerializable(typeof(StkCallbackEnvelope))]
[JsonSerializable(typeof(C2BNotificationWire))]
[JsonSerializable(typeof(C2BValidationResponse))]
[JsonSerializable(typeof(DarajaResultEnvelope))]
[JsonSerializable(typeof(DarajaResultWire))]
public sealed partial class DarajaJsonContext : JsonSerializerContext;
