namespace Hotspot.Providers.Daraja.Wire;

/// <summary>
/// <c>POST /mpesa/stkpush/v1/processrequest</c>. Short codes, amount and phone numbers go as JSON numbers:
/// string phone numbers have been seen to time out silently (daraja.md 2.1).
/// </summary>
public sealed record StkPushRequest(
    long BusinessShortCode,
    string Password,
    string Timestamp,
    string TransactionType,
    long Amount,
    long PartyA,
    long PartyB,
    long PhoneNumber,
    string CallBackURL,
    string AccountReference,
    string TransactionDesc);
