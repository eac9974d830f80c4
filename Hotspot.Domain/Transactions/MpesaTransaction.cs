namespace Hotspot.Domain.Transactions;

/// <summary>
/// A Daraja callback or result as received: the raw body, the fields parsed from it, and what it did. At most
/// one row exists per CheckoutRequestID and per receipt number (per organization): duplicates are refused.
/// </summary>
public sealed class MpesaTransaction
{
    private MpesaTransaction() { RawBody = ""; }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
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

    /// <summary>The body exactly as the provider sent it.</summary>
    public string RawBody { get; private set; }

    public Guid? PurchaseId { get; private set; }
    public CallbackStatus Status { get; private set; }
    public string? ReviewReason { get; private set; }
    public DateTime ReceivedAt { get; private set; }

    public static MpesaTransaction Receive(Guid organizationId, MpesaTransactionKind kind, string rawBody, DateTime now,
        string? merchantRequestId = null, string? checkoutRequestId = null, string? conversationId = null,
        string? receiptNumber = null, int? resultCode = null, string? resultDescription = null,
        long? amountKes = null, string? phoneNumber = null, DateTime? transactionDate = null) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organizationId,
        Kind = kind,
        RawBody = rawBody ?? throw new ArgumentNullException(nameof(rawBody)),
        ReceivedAt = now,
        Status = CallbackStatus.Received,
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

    public void MarkSettled(Guid purchaseId)
    {
        PurchaseId = purchaseId;
        Status = CallbackStatus.Settled;
        ReviewReason = null;
    }

    public void MarkProcessed(Guid? purchaseId)
    {
        PurchaseId = purchaseId;
        Status = CallbackStatus.Processed;
        ReviewReason = null;
    }

    public void MarkForReview(Guid? purchaseId, string reason)
    {
        PurchaseId = purchaseId;
        Status = CallbackStatus.NeedsReview;
        ReviewReason = reason.Length <= 500 ? reason : reason[..500];
    }
}
