namespace Hotspot.Providers.Daraja.Wire;

/// <summary>
/// <c>POST /mpesa/b2c/v3/paymentrequest</c>. Field names are Safaricom's: <c>InitiatorName</c> (not
/// <c>Initiator</c>) and <c>Occassion</c> (sic).
/// </summary>
public sealed record B2CPaymentRequest(
    string OriginatorConversationID,
    string InitiatorName,
    string SecurityCredential,
    string CommandID,
    long Amount,
    long PartyA,
    long PartyB,
    string Remarks,
    string QueueTimeOutURL,
    string ResultURL,
    string? Occassion);
