using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary>
/// C2B validation and confirmation payload (same shape for both). Everything is a string; <c>MSISDN</c> is masked
/// (v2) or a SHA-256 hex (v1). Kopo Kopo's opt-in "Daraja payload" webhooks reuse it, spelling
/// <c>ThirdPartyTransID</c> or <c>ThirdPartyTransId</c>.
/// </summary>
public sealed record C2BNotificationWire(
    string? TransactionType,
    string? TransID,
    string? TransTime,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? TransAmount,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? BusinessShortCode,
    string? BillRefNumber,
    string? InvoiceNumber,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? OrgAccountBalance,
    string? ThirdPartyTransID,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? MSISDN,
    string? FirstName,
    string? MiddleName,
    string? LastName);
