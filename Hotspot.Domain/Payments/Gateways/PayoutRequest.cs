namespace Hotspot.Domain.Payments.Gateways;

/// <summary>Money to send to a customer's phone (refunds).</summary>
/// <param name="PhoneNumber">Normalised Kenyan MSISDN, <c>2547XXXXXXXX</c> or <c>2541XXXXXXXX</c>.</param>
/// <param name="IdempotencyKey">Unique per payout; Daraja uses it as <c>OriginatorConversationID</c> to refuse duplicates.</param>
/// <param name="ResultUrl">Where the provider posts the result.</param>
public sealed record PayoutRequest(
    string PhoneNumber,
    long AmountShillings,
    string Reason,
    string IdempotencyKey,
    Uri ResultUrl);
