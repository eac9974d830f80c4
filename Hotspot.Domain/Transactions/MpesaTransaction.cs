namespace Hotspot.Domain.Transactions;

/// <summary>
/// A Daraja callback or result as received: the raw body, the fields parsed from it, and what it did. Every distinct
/// delivery is a row of its own: CheckoutRequestID and receipt link deliveries to one payment and one purchase,
/// they never refuse one (only an exact re-delivery is deduplicated, by <see cref="StoredCallback.BodySha256"/>).
/// </summary>
public sealed class MpesaTransaction : StoredCallback
{
    private MpesaTransaction() { }

    private MpesaTransaction(Guid organizationId, string rawBody, DateTime now) : base(organizationId, rawBody, now) { }

    public MpesaTransactionKind Kind { get; private set; }
    public string? MerchantRequestId { get; private set; }
    public string? CheckoutRequestId { get; private set; }
    public string? ConversationId { get; private set; }
    public string? ReceiptNumber { get; private set; }
    public int? ResultCode { get; private set; }
    public string? ResultDescription { get; private set; }
    public long? AmountKes { get; private set; }
    public string? PhoneNumber { get; private set; }
    public DateTime? TransactionDate { get; private set; }

    public static MpesaTransaction Receive(Guid organizationId, MpesaTransactionKind kind, string rawBody, DateTime now,
        string? merchantRequestId = null, string? checkoutRequestId = null, string? conversationId = null,
        string? receiptNumber = null, int? resultCode = null, string? resultDescription = null,
        long? amountKes = null, string? phoneNumber = null, DateTime? transactionDate = null) => new(organizationId, rawBody, now)
        {
            Kind = kind,
            MerchantRequestId = merchantRequestId,
            CheckoutRequestId = checkoutRequestId,
            ConversationId = conversationId,
            ReceiptNumber = receiptNumber,
            ResultCode = resultCode,
            ResultDescription = resultDescription,
            AmountKes = amountKes,
            PhoneNumber = phoneNumber,
            TransactionDate = transactionDate,
        };
}
