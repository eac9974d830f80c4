namespace Hotspot.Domain.Transactions;

/// <summary>
/// A Kopo Kopo webhook or result as received: raw body, parsed fields, and what it did. One payment often comes
/// twice (the till's webhook and the incoming payment's result, with one M-Pesa reference): both are kept and both
/// point at the purchase. Only an exact re-delivery is deduplicated, by <see cref="StoredCallback.BodySha256"/>.
/// </summary>
public sealed class KopoKopoTransaction : StoredCallback
{
    private KopoKopoTransaction() { }

    private KopoKopoTransaction(Guid organizationId, string rawBody, DateTime now) : base(organizationId, rawBody, now) { }

    public KopoKopoTransactionType Type { get; private set; }

    /// <summary>The webhook event id, or the id of the incoming payment / transfer a result is about.</summary>
    public string? EventId { get; private set; }

    /// <summary>The M-Pesa reference (receipt) of the money movement.</summary>
    public string? Reference { get; private set; }

    /// <summary>The id of the incoming payment request, matching a purchase's provider request id.</summary>
    public string? PaymentRequestId { get; private set; }

    public string? ProviderStatus { get; private set; }
    public long? AmountKes { get; private set; }
    /// <summary>As Kopo Kopo wrote it; only <c>KES</c> pays a purchase.</summary>
    public string? Currency { get; private set; }
    public string? PhoneNumber { get; private set; }
    public string? TillNumber { get; private set; }
    public DateTime? OccurredAt { get; private set; }

    public static KopoKopoTransaction Receive(Guid organizationId, KopoKopoTransactionType type, string rawBody, DateTime now,
        string? eventId = null, string? reference = null, string? paymentRequestId = null, string? providerStatus = null,
        long? amountKes = null, string? currency = null, string? phoneNumber = null, string? tillNumber = null,
        DateTime? occurredAt = null) => new(organizationId, rawBody, now)
        {
            Type = type,
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
}
