using System.Text;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Domain.Transactions;
using Hotspot.Providers.KopoKopo;
using Hotspot.Storage;
using Hotspot.Storage.Inbox;
using Hotspot.Storage.Payments;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Payments;

/// <summary>
/// Kopo Kopo webhooks and results: the <c>X-KopoKopo-Signature</c> (HMAC-SHA256 of the raw body with the
/// organization's API key) is checked first; each delivery is stored in <c>isp_kopokopo_transactions</c> once per
/// distinct body (<see cref="DeliveryInbox"/>), then a result settles or fails the purchase whose incoming payment it
/// reports, and a till webhook is linked to the purchase its reference paid (<see cref="ReceiptLinks"/>). One payment
/// usually brings both, in either order: both rows are kept and both point at the purchase. Unsigned messages are
/// kept for review without their ids.
/// </summary>
public sealed class KopoKopoCallbacks(
    IDbContextFactory<HotspotDbContext> contexts,
    DeliveryInbox inbox,
    GatewaySelector gateways,
    PaymentOutcomes outcomes,
    ReceiptLinks receiptLinks,
    TimeProvider time,
    ILogger<KopoKopoCallbacks> logger)
{
    /// <summary>The route's callback types and what they are stored as.</summary>
    public static readonly IReadOnlyDictionary<string, KopoKopoTransactionType> CallbackTypes = new Dictionary<string, KopoKopoTransactionType>
    {
        ["buygoods"] = KopoKopoTransactionType.BuyGoods,
        ["b2b"] = KopoKopoTransactionType.B2B,
        ["settlement"] = KopoKopoTransactionType.Settlement,
        ["customer"] = KopoKopoTransactionType.Customer,
        [CallbackUrls.KopoKopoIncomingPayment] = KopoKopoTransactionType.IncomingPayment,
        [CallbackUrls.KopoKopoSendMoney] = KopoKopoTransactionType.SendMoney,
    };

    public async Task<CallbackResult> ReceiveAsync(Guid organizationId, string callbackType, byte[] body, string? signature, CancellationToken cancellationToken)
    {
        if (!CallbackTypes.TryGetValue(callbackType, out var type))
            return CallbackResult.NotFound;

        Organization? organization;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (organization is null)
            return CallbackResult.NotFound;

        var raw = Encoding.UTF8.GetString(body);
        var gateway = gateways.For(organization, PaymentMethodType.KopoKopo);
        if (gateway is null)
        {
            await StoreRefusedAsync(organizationId, type, raw, "Kopo Kopo is not configured for this organization.", cancellationToken);
            return CallbackResult.Unauthorized;
        }
        var credentials = (KopoKopoCredentials)gateway.Credentials;
        if (!KopoKopoSignature.Verify(credentials.ApiKey, body, signature))
        {
            await StoreRefusedAsync(organizationId, type, raw, "The X-KopoKopo-Signature is missing or wrong.", cancellationToken);
            logger.LogWarning("Kopo Kopo {Type} callback for organization {OrganizationId} with a bad signature; kept for review", callbackType, organizationId);
            return CallbackResult.Unauthorized;
        }

        var headers = new Dictionary<string, string> { [KopoKopoSignature.HeaderName] = signature! };
        var verified = gateway.Gateway.VerifyCallback(credentials, new PaymentCallback(body, headers));
        if (!verified.IsSuccess)
        {
            if (verified.Error!.Kind == GatewayErrorKind.NotSupported)
            {
                // Signed and readable, but not about a payment (e.g. a customer_created webhook): keep it.
                var informational = KopoKopoTransaction.Receive(organizationId, type, raw, Now());
                informational.MarkProcessed(null);
                return await inbox.StoreAsync(informational, cancellationToken) is null
                    ? Duplicate(callbackType, organizationId, null)
                    : CallbackResult.Accepted;
            }
            await StoreForReviewAsync(organizationId, type, raw, "Unreadable Kopo Kopo message: " + verified.Error.Message, cancellationToken);
            return CallbackResult.Malformed;
        }

        var notification = verified.Value;
        var status = notification.Status;
        var transaction = KopoKopoTransaction.Receive(organizationId, type, raw, Now(),
            eventId: notification.EventId, reference: string.IsNullOrEmpty(status.Receipt) ? null : status.Receipt,
            paymentRequestId: notification.ProviderRequestId, providerStatus: status.ResultCode,
            amountKes: status.AmountShillings, currency: status.AmountShillings is null ? null : status.Currency, phoneNumber: status.PhoneNumber);
        var stored = await inbox.StoreAsync(transaction, cancellationToken);
        if (stored is null)
            return Duplicate(callbackType, organizationId, notification.EventId);

        if (type == KopoKopoTransactionType.SendMoney)
        {
            // A PAY result is about money we sent, never a purchase: recorded when it answers one of our payouts.
            var ours = notification.ProviderRequestId is { } payoutId && await IsOurPayoutAsync(organizationId, payoutId, stored.TransactionId, cancellationToken);
            if (ours)
            {
                await MarkProcessedAsync(organizationId, stored, cancellationToken);
                return CallbackResult.Accepted;
            }
            // The payout's own record may be committed a moment after this result: it then marks this row processed,
            // and this review mark, written only while the row is undecided, must not undo that.
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                await db.KopoKopoTransactions
                    .Where(t => t.Id == stored.TransactionId && t.OrganizationId == organizationId && t.Status == CallbackStatus.Received)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(t => t.Status, CallbackStatus.NeedsReview)
                        .SetProperty(t => t.ReviewReason, "No send money request of this organization has this id."), cancellationToken);
            return CallbackResult.Review;
        }

        if (notification.ProviderRequestId is null)
        {
            // A till webhook: money paid to the till, by a purchase of ours (its result comes too) or by nobody we asked.
            if (status.State == PaymentState.Succeeded && !string.IsNullOrEmpty(status.Receipt))
                await receiptLinks.MarkNotificationAsync(organizationId, stored, status.Receipt, cancellationToken);
            else if (status.State == PaymentState.Failed)
                await outcomes.ReviewAsync(organizationId, stored, "Kopo Kopo reports this payment reversed.", cancellationToken);
            else
                await MarkProcessedAsync(organizationId, stored, cancellationToken);
            return CallbackResult.Accepted;
        }

        return await ApplyAsync(organizationId, stored, notification.ProviderRequestId, status, cancellationToken) switch
        {
            CallbackStatus.Settled => CallbackResult.Settled,
            CallbackStatus.Processed => CallbackResult.Accepted,
            _ => CallbackResult.Review,
        };
    }

    /// <summary>Applies stored results that arrived before their purchase recorded the incoming payment id.</summary>
    public async Task ApplyStoredAsync(Guid organizationId, string paymentRequestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.KopoKopoTransactions.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.PaymentRequestId == paymentRequestId && t.PurchaseId == null
                && (t.Status == CallbackStatus.Received || t.Status == CallbackStatus.NeedsReview))
            .Select(t => new { t.Id, t.RawBody })
            .ToListAsync(cancellationToken);
        foreach (var row in stored)
        {
            // Only verified messages are stored with a payment request id, so reading the body again is safe.
            if (KopoKopoResultParser.Parse(Encoding.UTF8.GetBytes(row.RawBody)) is { IsSuccess: true, Value: IncomingPaymentResult result })
            {
                var status = new PaymentStatus(result.State, result.FailureReason, result.Status, result.Errors,
                    result.Payment?.Reference, result.Payment?.AmountShillings, result.Payment?.SenderPhoneNumber?.TrimStart('+'),
                    result.Payment?.Currency ?? Currencies.Kes);
                await ApplyAsync(organizationId, new StoredCallbackReference(PaymentMethodType.KopoKopo, row.Id), paymentRequestId, status, cancellationToken);
            }
        }
    }

    /// <summary>Settles or fails the purchase with this incoming payment id, found in the read that applies the outcome.</summary>
    private async Task<CallbackStatus?> ApplyAsync(Guid organizationId, StoredCallbackReference? callback, string paymentRequestId, PaymentStatus status,
        CancellationToken cancellationToken)
    {
        var applied = await outcomes.ApplyAsync(PurchaseKey.ByProviderRequestId(organizationId, paymentRequestId), status, status.AmountShillings ?? -1,
            callback, cancellationToken);
        if (applied is null)
            logger.LogWarning("Kopo Kopo result {PaymentRequestId} for organization {OrganizationId} matches no purchase; kept for review",
                paymentRequestId, organizationId);
        return applied;
    }

    private async Task<bool> IsOurPayoutAsync(Guid organizationId, string payoutId, Guid resultId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.KopoKopoTransactions.AsNoTracking().AnyAsync(t => t.OrganizationId == organizationId
            && t.Type == KopoKopoTransactionType.SendMoney && t.PaymentRequestId == payoutId && t.Id != resultId, cancellationToken);
    }

    /// <summary>Signed but unreadable: kept for review without ids (an exact re-delivery is stored once).</summary>
    private async Task StoreForReviewAsync(Guid organizationId, KopoKopoTransactionType type, string raw, string reason, CancellationToken cancellationToken)
    {
        var transaction = KopoKopoTransaction.Receive(organizationId, type, raw, Now());
        transaction.MarkForReview(null, reason);
        await inbox.StoreAsync(transaction, cancellationToken);
    }

    /// <summary>Not signed by this organization's key: kept for review every time, holding no delivery's identity.</summary>
    private async Task StoreRefusedAsync(Guid organizationId, KopoKopoTransactionType type, string raw, string reason, CancellationToken cancellationToken)
    {
        var transaction = KopoKopoTransaction.Receive(organizationId, type, raw, Now());
        transaction.MarkRefused(reason);
        await inbox.StoreAsync(transaction, cancellationToken);
    }

    /// <summary>Records that the row this delivery stored changes no purchase (attached when just stored, not read again).</summary>
    private async Task MarkProcessedAsync(Guid organizationId, StoredCallbackReference row, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await row.RecordAsync(db, organizationId, StoredCallbackDecision.Processed(null), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private CallbackResult Duplicate(string callbackType, Guid organizationId, string? eventId)
    {
        logger.LogInformation("Kopo Kopo {Type} {EventId} for organization {OrganizationId} delivered again; already stored", callbackType, eventId, organizationId);
        return CallbackResult.Duplicate;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
