using System.Text.Json;
using System.Text.Json.Serialization;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.KopoKopo.Wire;

/// <summary><c>POST /api/v2/send_money</c> (replaces v1 PAY and settlement transfers).</summary>
public sealed record SendMoneyRequest(
    List<SendMoneyDestinationWire> Destinations,
    string Currency,
    string? SourceIdentifier,
    Dictionary<string, string>? Metadata,
    [property: JsonPropertyName("_links")] KopoKopoLinks Links);

/// <param name="Type"><c>mobile_wallet</c> (phone_number, network) or <c>till</c> (till_number).</param>
/// <param name="PhoneNumber"><c>2547XXXXXXXX</c>, no plus, in v2.</param>
public sealed record SendMoneyDestinationWire(
    string Type,
    string? Nickname,
    string? PhoneNumber,
    string? Network,
    string? TillNumber,
    long Amount,
    string? Description,
    bool? Favourite);

/// <summary>The send-money result (callback, and <c>GET &lt;Location&gt;</c>).</summary>
public sealed record SendMoneyAttributes(
    string? Status,
    string? CreatedAt,
    string? SourceIdentifier,
    List<SendMoneyResultDestination>? Destinations,
    string? Currency,
    List<KopoKopoTransferBatchWire>? TransferBatches,
    JsonElement? Errors,
    Dictionary<string, JsonElement>? Metadata,
    [property: JsonPropertyName("_links")] KopoKopoLinks? Links);

public sealed record SendMoneyResultDestination(
    string? Type,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Amount,
    string? Network,
    string? Nickname,
    bool? Favourite,
    string? Description,
    string? PhoneNumber,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? TillNumber);
