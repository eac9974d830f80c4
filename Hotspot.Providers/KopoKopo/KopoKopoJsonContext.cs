using System.Text.Json.Serialization;
using Hotspot.Providers.KopoKopo.Wire;

namespace Hotspot.Providers.KopoKopo;

/// <summary>Source-generated (de)serialization of Kopo Kopo's snake_case wire formats.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KopoKopoTokenResponse))]
[JsonSerializable(typeof(KopoKopoTokenInfo))]
[JsonSerializable(typeof(KopoKopoTokenIntrospection))]
[JsonSerializable(typeof(KopoKopoErrorResponse))]
[JsonSerializable(typeof(KopoKopoOAuthError))]
[JsonSerializable(typeof(WebhookSubscriptionRequest))]
[JsonSerializable(typeof(WebhookSubscriptionDocument))]
[JsonSerializable(typeof(IncomingPaymentRequest))]
[JsonSerializable(typeof(IncomingPaymentDocument))]
[JsonSerializable(typeof(IncomingPaymentAttributes))]
[JsonSerializable(typeof(WebhookEnvelope))]
[JsonSerializable(typeof(KopoKopoTransactionResource))]
[JsonSerializable(typeof(M2MTransactionResource))]
[JsonSerializable(typeof(SettlementTransferResource))]
[JsonSerializable(typeof(CustomerCreatedResource))]
[JsonSerializable(typeof(SendMoneyRequest))]
[JsonSerializable(typeof(SendMoneyAttributes))]
[JsonSerializable(typeof(KopoKopoResultDocument))]
[JsonSerializable(typeof(PaymentAttributes))]
[JsonSerializable(typeof(SettlementTransferAttributes))]
[JsonSerializable(typeof(ReversalAttributes))]
[JsonSerializable(typeof(PaymentLinkAttributes))]
[JsonSerializable(typeof(PollingAttributes))]
[JsonSerializable(typeof(SmsNotificationAttributes))]
public sealed partial class KopoKopoJsonContext : JsonSerializerContext;
