using System.Text.Json;
using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.KopoKopo.Wire;

/// <summary>The envelope of every K2 webhook; <c>event.resource</c> depends on <c>topic</c>.</summary>
public sealed record WebhookEnvelope(
    string? Topic,
    string? Id,
    string? CreatedAt,
    WebhookEvent? Event,
    [property: JsonPropertyName("_links")] KopoKopoLinks? Links);

public sealed record WebhookEvent(string? Type, JsonElement? Resource);

/// <summary><c>m2m_transaction_received</c> resource (no <c>reference</c>).</summary>
public sealed record M2MTransactionResource(
    string? Id,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Amount,
    string? Status,
    string? Currency,
    string? OriginationTime,
    string? SendingMerchant);

/// <summary><c>settlement_transfer_completed</c> resource.</summary>
public sealed record SettlementTransferResource(
    string? Id,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Amount,
    string? Status,
    string? Currency,
    SettlementDestination? Destination,
    List<KopoKopoDisbursementWire>? Disbursements,
    string? OriginationTime);

public sealed record SettlementDestination(string? Type, JsonElement? Resource);

/// <summary><c>customer_created</c> resource (no <c>id</c>).</summary>
public sealed record CustomerCreatedResource(string? FirstName, string? MiddleName, string? LastName, string? PhoneNumber);

/// <summary>One payout inside a transfer batch (v1 payments, settlements, v2 send money).</summary>
public sealed record KopoKopoDisbursementWire(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Amount,
    string? Status,
    string? DestinationType,
    string? OriginationTime,
    string? DestinationReference,
    string? TransactionReference,
    string? PhoneNumber,
    string? Nickname,
    JsonElement? Errors);

public sealed record KopoKopoTransferBatchWire(
    string? Status,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Amount,
    List<KopoKopoDisbursementWire>? Disbursements);
