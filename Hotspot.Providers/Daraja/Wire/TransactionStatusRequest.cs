namespace Hotspot.Providers.Daraja.Wire;

/// <summary><c>POST /mpesa/transactionstatus/v1/query</c>; <c>TransactionID</c> or <c>OriginalConversationID</c> names the transaction.</summary>
public sealed record TransactionStatusRequest(
    string Initiator,
    string SecurityCredential,
    string CommandID,
    string? TransactionID,
    string? OriginalConversationID,
    long PartyA,
    string IdentifierType,
    string ResultURL,
    string QueueTimeOutURL,
    string Remarks,
    string? Occasion);
