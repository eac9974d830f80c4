namespace Hotspot.Domain.Transactions;

/// <summary>
/// A Kopo Kopo webhook or result as received: raw body, parsed fields, and what it did. At most one row exists
/// per event id and per M-Pesa reference (per organization): duplicates are refused.
/// </summary>
public sealed class KopoKopoTransaction
{
    private KopoKopoTransaction() { RawBody = ""; }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public KopoKopoTransactionType Type { get; private set; }

    /// <summary>The webhook event id, or the id of the incoming payment / transfer a result is about.</summary>
    public string? EventId { get; private set; }

    /// <summary>The M-Pesa reference (receipt) of the money movement.</summary>
    public string? Reference { get; private set; }

    /// <summary>The id of the incoming payment request, matching a purchase's provider request id.</summary>
    public string? PaymentRequestId { get; private set; }

    public string? ProviderStatus { get; private set; }
    public long? AmountKes { get; private set; }
    public string? Currency { get; private set; }
    public string? PhoneNumber { get; private set; }
    public string? TillNumber { get; private set; }
    public DateTime? OccurredAt { get; private set; }

    /// <summary>The body exactly as the provider sent it.</summary>
    public string RawBody { get; private set; }

    public Guid? PurchaseId { get; private set; }
    public CallbackStatus Status { get; private set; }
    public string? ReviewReason { get; private set; }
    public DateTime ReceivedAt { get; private set; }

    public static KopoKopoTransaction Receive(Guid organizationId, KopoKopoTransactionType type, string rawBody, DateTime now,
        string? eventId = null, string? reference = null, string? paymentRequestId = null, string? providerStatus = null,
        long? amountKes = null, string? currency = null, string? phoneNumber = null, string? tillNumber = null,
        DateTime? occurredAt = null) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organizationId,
        Type = type,
        RawBody = rawBody ?? throw new ArgumentNullException(nameof(rawBody)),
        ReceivedAt = now,
        Status = CallbackStatus.Received,
        EventId = eventId,
        Reference = reference,
        PaymentRequestId = paymentRequestId,
        ProviderStatus = providerStatus,
        AmountKes = amountKes,
        Currency = currency,
        PhoneNumber = phoneNumber,
        TillNumber = tillNumber,
        OccurredAt = occurredAt,
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
