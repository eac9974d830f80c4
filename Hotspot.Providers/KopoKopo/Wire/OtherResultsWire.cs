using System.Text.Json;
using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.KopoKopo.Wire;

/// <summary>Every result document: <c>{"data": {"id", "type", "attributes"}}</c>; attributes depend on <c>type</c>.</summary>
public sealed record KopoKopoResultDocument(KopoKopoResultData? Data);

public sealed record KopoKopoResultData(string? Id, string? Type, JsonElement? Attributes);

/// <summary>v1 PAY result (<c>type: payment</c>).</summary>
public sealed record PaymentAttributes(
    string? Status,
    string? CreatedAt,
    KopoKopoAmount? Amount,
    List<KopoKopoTransferBatchWire>? TransferBatches,
    Dictionary<string, JsonElement>? Metadata,
    [property: JsonPropertyName("_links")] KopoKopoLinks? Links);

/// <summary>v1 settlement transfer result (<c>type: settlement_transfer</c>); <c>amount.value</c> is null for a blind transfer.</summary>
public sealed record SettlementTransferAttributes(
    string? Status,
    string? CreatedAt,
    KopoKopoAmount? Amount,
    List<KopoKopoTransferBatchWire>? TransferBatches,
    [property: JsonPropertyName("_links")] KopoKopoLinks? Links);

/// <summary>v2 reversal (<c>type: reversal</c>).</summary>
public sealed record ReversalAttributes(
    string? Status,
    string? CreatedAt,
    string? TransactionReference,
    string? Reason,
    ReversalBulkPayment? ReversalBulkPayment,
    JsonElement? Errors,
    Dictionary<string, JsonElement>? Metadata,
    [property: JsonPropertyName("_links")] KopoKopoLinks? Links);

public sealed record ReversalBulkPayment(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Amount,
    string? Status,
    string? OriginationTime,
    string? TransactionReference);

/// <summary>v2 payment link (<c>type: payment_link</c>); the payer's phone is a number there.</summary>
public sealed record PaymentLinkAttributes(
    string? Status,
    string? CreatedAt,
    string? TillName,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? TillNumber,
    string? PaymentReference,
    string? Currency,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Amount,
    string? Note,
    PaymentLinkDetails? PaymentLink,
    JsonElement? Errors,
    Dictionary<string, JsonElement>? Metadata,
    [property: JsonPropertyName("_links")] KopoKopoLinks? Links);

public sealed record PaymentLinkDetails(
    string? Status,
    string? ExpiresAt,
    string? Link,
    string? TransactionReference,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? SenderPhoneNumber,
    string? OriginationTime);

/// <summary>v1 polling (<c>type: polling</c>): transactions of a time window.</summary>
public sealed record PollingAttributes(
    string? Status,
    string? FromTime,
    string? ToTime,
    List<PolledTransaction>? Transactions,
    string? Scope,
    string? ScopeReference,
    [property: JsonPropertyName("_links")] KopoKopoLinks? Links);

public sealed record PolledTransaction(string? Type, KopoKopoTransactionResource? Resource);

/// <summary>v1 transaction SMS notification (<c>type: transaction_sms_notification</c>).</summary>
public sealed record SmsNotificationAttributes(
    string? Status,
    string? Message,
    string? WebhookEventReference,
    [property: JsonPropertyName("_links")] KopoKopoLinks? Links);
