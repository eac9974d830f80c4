using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Providers.KopoKopo;

/// <summary>
/// An asynchronous result (callback or <c>GET &lt;Location&gt;</c>), read; one record per <c>data.type</c>.
/// <see cref="Id"/> equals the UUID in the <c>Location</c> of the request.
/// </summary>
public abstract record KopoKopoResult(
    string Id,
    string Type,
    string Status,
    IReadOnlyDictionary<string, string> Metadata,
    string? SelfLink,
    string? CallbackUrl);

/// <summary>An STK push through Kopo Kopo (<c>incoming_payment</c>): Pending, Success or Failed.</summary>
/// <param name="Payment">The received transaction, on success.</param>
/// <param name="Errors">Why it failed, e.g. "The balance is insufficient for the transaction".</param>
public sealed record IncomingPaymentResult(
    string Id, string Status, IReadOnlyDictionary<string, string> Metadata, string? SelfLink, string? CallbackUrl,
    KopoKopoTillTransaction? Payment, string? Errors, DateTimeOffset? InitiationTime)
    : KopoKopoResult(Id, "incoming_payment", Status, Metadata, SelfLink, CallbackUrl)
{
    public PaymentState State => Status switch
    {
        "Success" => PaymentState.Succeeded,
        "Failed" => PaymentState.Failed,
        _ => PaymentState.Pending,
    };

    public PaymentFailureReason FailureReason => State == PaymentState.Failed ? KopoKopoFailureReasons.FromMessage(Errors) : PaymentFailureReason.None;
}

/// <summary>v2 <c>send_money</c>: Scheduled, then Processed (or Failed).</summary>
public sealed record SendMoneyResult(
    string Id, string Status, IReadOnlyDictionary<string, string> Metadata, string? SelfLink, string? CallbackUrl,
    string Currency, IReadOnlyList<KopoKopoDisbursement> Disbursements, string? Errors)
    : KopoKopoResult(Id, "send_money", Status, Metadata, SelfLink, CallbackUrl)
{
    public PaymentState State => Status switch
    {
        "Processed" or "Transferred" or "Success" => PaymentState.Succeeded,
        "Failed" or "Cancelled" => PaymentState.Failed,
        _ => PaymentState.Pending,
    };
}

/// <summary>v1 PAY (<c>payment</c>).</summary>
public sealed record PaymentResult(
    string Id, string Status, IReadOnlyDictionary<string, string> Metadata, string? SelfLink, string? CallbackUrl,
    long? AmountShillings, string Currency, IReadOnlyList<KopoKopoDisbursement> Disbursements)
    : KopoKopoResult(Id, "payment", Status, Metadata, SelfLink, CallbackUrl);

/// <summary>v1 <c>settlement_transfer</c>; no amount for a blind transfer.</summary>
public sealed record SettlementTransferResult(
    string Id, string Status, string? SelfLink, string? CallbackUrl,
    long? AmountShillings, IReadOnlyList<KopoKopoDisbursement> Disbursements)
    : KopoKopoResult(Id, "settlement_transfer", Status, new Dictionary<string, string>(), SelfLink, CallbackUrl);

/// <summary>v2 <c>reversal</c>.</summary>
public sealed record ReversalResult(
    string Id, string Status, IReadOnlyDictionary<string, string> Metadata, string? SelfLink, string? CallbackUrl,
    string TransactionReference, string? Reason, long? ReversedAmountShillings, string? ReversalReference, string? Errors)
    : KopoKopoResult(Id, "reversal", Status, Metadata, SelfLink, CallbackUrl);

/// <summary>v2 <c>payment_link</c>.</summary>
public sealed record PaymentLinkResult(
    string Id, string Status, IReadOnlyDictionary<string, string> Metadata, string? SelfLink, string? CallbackUrl,
    long? AmountShillings, string? TillNumber, string? PaymentReference, string? LinkStatus, string? TransactionReference, string? SenderPhoneNumber)
    : KopoKopoResult(Id, "payment_link", Status, Metadata, SelfLink, CallbackUrl);

/// <summary>v1 <c>polling</c>: the transactions of a time window.</summary>
public sealed record PollingResult(
    string Id, string Status, string? SelfLink, string? CallbackUrl, string? Scope, IReadOnlyList<KopoKopoTillTransaction> Transactions)
    : KopoKopoResult(Id, "polling", Status, new Dictionary<string, string>(), SelfLink, CallbackUrl);

/// <summary>v1 <c>transaction_sms_notification</c>.</summary>
public sealed record SmsNotificationResult(
    string Id, string Status, string? SelfLink, string? CallbackUrl, string? Message, string? WebhookEventReference)
    : KopoKopoResult(Id, "transaction_sms_notification", Status, new Dictionary<string, string>(), SelfLink, CallbackUrl);
