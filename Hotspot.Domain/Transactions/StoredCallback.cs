using System.Security.Cryptography;
using System.Text;
using Hotspot.Domain.Text;

namespace Hotspot.Domain.Transactions;

/// <summary>
/// What every stored provider message has, whichever provider sent it: the raw body exactly as received, when it
/// came, and what it did (settled a purchase, processed, or kept for review). Each provider's row adds its own fields.
/// </summary>
public abstract class StoredCallback
{
    protected StoredCallback() { RawBody = ""; }

    protected StoredCallback(Guid organizationId, string rawBody, DateTime now)
    {
        Id = Guid.NewGuid();
        OrganizationId = organizationId;
        RawBody = rawBody ?? throw new ArgumentNullException(nameof(rawBody));
        BodySha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawBody)));
        ReceivedAt = now;
        Status = CallbackStatus.Received;
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }

    /// <summary>The body exactly as the provider sent it.</summary>
    public string RawBody { get; private set; }

    /// <summary>
    /// SHA-256 of the body (lower-case hex). With the organization and the route it is the delivery's identity: the only
    /// thing the inbox deduplicates is an exact re-delivery. Null for a refused delivery.
    /// </summary>
    public string? BodySha256 { get; private set; }

    public Guid? PurchaseId { get; private set; }
    public CallbackStatus Status { get; private set; }
    public string? ReviewReason { get; private set; }
    public DateTime ReceivedAt { get; private set; }

    /// <summary>
    /// A delivery that failed authentication (wrong URL token, bad signature, source not allowed): kept for a human,
    /// stored every time it comes, and never holding the identity of the genuine delivery of the same body.
    /// </summary>
    public void MarkRefused(string reason)
    {
        MarkForReview(null, reason);
        BodySha256 = null;
    }

    /// <summary>A row we write for a request of our own (a payout we sent), not a provider's delivery: it holds no delivery's identity.</summary>
    public void MarkOwnRequest() => BodySha256 = null;

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
        ReviewReason = TextLimits.Truncate(reason, 500);
    }

    // What became of a payment kept for review. Written only by a conditional UPDATE (status and resolution as read),
    // so of two people resolving the same payment at once exactly one succeeds.

    /// <summary>The decision taken; null while nobody has decided.</summary>
    public PaymentResolutionAction? Resolution { get; private set; }

    public string? ResolutionNote { get; private set; }

    /// <summary>The admin's email, or <c>portal claim</c> when the customer claimed a voucher with the receipt.</summary>
    public string? ResolvedBy { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    /// <summary>The voucher the payment bought when it was resolved by issuing one.</summary>
    public Guid? ResolutionVoucherId { get; private set; }
}
