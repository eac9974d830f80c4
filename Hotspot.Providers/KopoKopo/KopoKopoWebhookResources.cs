using Hotspot.Providers.Daraja;

namespace Hotspot.Providers.KopoKopo;

/// <summary>What a webhook is about; one record per kind of <c>event.resource</c>.</summary>
public abstract record KopoKopoWebhookResource;

/// <summary>
/// An M-Pesa transaction into a till: buygoods received/reversed, b2b received/reversed (with
/// <see cref="SendingTill"/>), and the resource of incoming payment and polling results.
/// </summary>
/// <param name="Reference">The M-Pesa receipt.</param>
/// <param name="SenderPhoneNumber">As sent, usually <c>+2547...</c>.</param>
public sealed record KopoKopoTillTransaction(
    string Id,
    string Reference,
    long AmountShillings,
    string Currency,
    string Status,
    string System,
    string TillNumber,
    string? SendingTill,
    string? SenderPhoneNumber,
    string? HashedSenderPhone,
    string? SenderFirstName,
    string? SenderMiddleName,
    string? SenderLastName,
    DateTimeOffset? OriginationTime) : KopoKopoWebhookResource;

/// <summary><c>m2m_transaction_received</c>.</summary>
public sealed record KopoKopoMerchantTransfer(
    string Id, long AmountShillings, string Currency, string Status, string SendingMerchant, DateTimeOffset? OriginationTime)
    : KopoKopoWebhookResource;

/// <summary><c>settlement_transfer_completed</c>.</summary>
public sealed record KopoKopoSettlement(
    string Id, long AmountShillings, string Currency, string Status, string DestinationType,
    IReadOnlyList<KopoKopoDisbursement> Disbursements, DateTimeOffset? OriginationTime) : KopoKopoWebhookResource;

/// <summary><c>customer_created</c>.</summary>
public sealed record KopoKopoCustomer(string FirstName, string MiddleName, string LastName, string PhoneNumber) : KopoKopoWebhookResource;

/// <summary>A v2 webhook with <c>enable_daraja_payload</c>: a flat Daraja C2B body.</summary>
public sealed record KopoKopoDarajaPayload(C2BPayment Payment) : KopoKopoWebhookResource;

/// <summary>One payout of a transfer batch.</summary>
public sealed record KopoKopoDisbursement(
    long? AmountShillings,
    string Status,
    string? DestinationType,
    string? DestinationReference,
    string? TransactionReference,
    string? PhoneNumber,
    string? Errors);
