namespace Hotspot.Providers.Daraja;

/// <summary>A C2B validation or confirmation, read.</summary>
/// <param name="TransactionId">The M-Pesa receipt (<c>TransID</c>).</param>
/// <param name="Msisdn">As Daraja sends it: masked (<c>2547 ***** 126</c>, v2) or SHA-256 hex (v1); not a usable phone number.</param>
public sealed record C2BPayment(
    string TransactionType,
    string TransactionId,
    DateTimeOffset? TransactionTime,
    long AmountShillings,
    string BusinessShortCode,
    string BillReference,
    string InvoiceNumber,
    decimal? OrganizationBalance,
    string ThirdPartyTransactionId,
    string Msisdn,
    string FirstName,
    string MiddleName,
    string LastName);
