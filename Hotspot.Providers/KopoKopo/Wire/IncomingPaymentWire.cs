using System.Text.Json;
using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.KopoKopo.Wire;

/// <summary><c>POST /api/v1/incoming_payments</c> (an STK push through Kopo Kopo).</summary>
public sealed record IncomingPaymentRequest(
    string PaymentChannel,
    string TillNumber,
    IncomingPaymentSubscriber Subscriber,
    KopoKopoAmount Amount,
    Dictionary<string, string>? Metadata,
    [property: JsonPropertyName("_links")] KopoKopoLinks Links);

/// <param name="PhoneNumber">E.164 with plus: <c>+2547XXXXXXXX</c>.</param>
public sealed record IncomingPaymentSubscriber(string? FirstName, string? LastName, string PhoneNumber, string? Email);

/// <summary>The callback, and the answer to <c>GET &lt;Location&gt;</c>.</summary>
public sealed record IncomingPaymentDocument(IncomingPaymentData? Data);

public sealed record IncomingPaymentData(string? Id, string? Type, IncomingPaymentAttributes? Attributes);

public sealed record IncomingPaymentAttributes(
    string? InitiationTime,
    string? Status,
    IncomingPaymentEvent? Event,
    Dictionary<string, JsonElement>? Metadata,
    [property: JsonPropertyName("_links")] KopoKopoLinks? Links);

/// <summary><c>errors</c> is a string in every sample, but typed loosely: it may be an array.</summary>
public sealed record IncomingPaymentEvent(string? Type, KopoKopoTransactionResource? Resource, JsonElement? Errors);

/// <summary>
/// A received M-Pesa transaction, as in buygoods/b2b webhooks, incoming payment results and polling results.
/// <c>amount</c> is a string (<c>"100.0"</c>) or a number (<c>115.0</c>).
/// </summary>
public sealed record KopoKopoTransactionResource(
    string? Id,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Amount,
    string? Status,
    string? System,
    string? Currency,
    string? Reference,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? TillNumber,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? SendingTill,
    string? SenderPhoneNumber,
    string? HashedSenderPhone,
    string? OriginationTime,
    string? SenderFirstName,
    string? SenderMiddleName,
    string? SenderLastName);
