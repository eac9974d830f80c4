namespace Hotspot.Providers.Daraja;

/// <param name="OriginatorConversationId">Unique per payment; Daraja refuses a duplicate (no double disbursement).</param>
/// <param name="PhoneNumber"><c>2547XXXXXXXX</c> or <c>2541XXXXXXXX</c>.</param>
/// <param name="AmountShillings">10 to 250,000 whole shillings.</param>
/// <param name="Remarks">2 to 100 characters.</param>
public sealed record B2CPaymentCommand(
    string OriginatorConversationId,
    string PhoneNumber,
    long AmountShillings,
    string Remarks,
    Uri ResultUrl,
    Uri QueueTimeOutUrl,
    string? Occasion = null);
