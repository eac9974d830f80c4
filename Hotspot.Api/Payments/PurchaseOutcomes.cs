using Hotspot.Api.Observability;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Hotspot.Storage.Settlement;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Payments;

/// <summary>
/// Applies what a provider said about a purchase (by callback or by query): a success goes through
/// <see cref="PurchaseSettlement"/> (voucher in the same transaction, exactly once); a failure cancels or fails
/// the purchase if it is still pending. Status is a concurrency token, so racing writers cannot both move it.
/// </summary>
public sealed class PurchaseOutcomes(
    IDbContextFactory<HotspotDbContext> contexts,
    PurchaseSettlement settlement,
    ReceiptLinks receiptLinks,
    HotspotMetrics metrics,
    TimeProvider time,
    ILogger<PurchaseOutcomes> logger)
{
    private const int MaxAttempts = 5;

    /// <param name="amountKes">The amount the provider says was paid (for a query that gives none: the amount requested).</param>
    /// <returns>
    /// What became of the delivery: it settled the purchase, was processed (a failure, a repeat), or waits for review;
    /// null when no purchase of the organization has this key (the callback row is then kept for review).
    /// </returns>
    public async Task<CallbackStatus?> ApplyAsync(PurchaseKey purchase, PaymentStatus status, long amountKes,
        SettlementTransaction? transaction, CancellationToken cancellationToken) =>
        status.State switch
        {
            PaymentState.Succeeded => await SettleAsync(purchase, status, amountKes, transaction, cancellationToken),
            PaymentState.Failed => await FailAsync(purchase, status.FailureReason, status.ResultCode, transaction, cancellationToken)
                ? CallbackStatus.Processed : null,
            _ => await MarkPendingAsync(purchase, transaction, cancellationToken) ? CallbackStatus.Processed : null,
        };

    private async Task<CallbackStatus?> SettleAsync(PurchaseKey key, PaymentStatus status, long amountKes, SettlementTransaction? transaction,
        CancellationToken cancellationToken)
    {
        var result = await settlement.SettleAsync(new SettlementRequest(key, amountKes, status.Receipt, transaction, status.Currency), cancellationToken);
        if (result.Settled)
        {
            metrics.PurchaseFinished(PurchaseStatus.Paid);
            // Only once the purchase is committed as paid can the till's notification of the same receipt be linked to it.
            // Kopo Kopo sends its till webhook together with the incoming payment's result, so the webhook is often
            // stored first. An M-Pesa purchase is paid by its own STK callback; a paybill notification of the same
            // receipt links itself when it is stored, and this round trip stays off the busiest path (one receipt
            // still buys one voucher either way: the receipt is held by the purchase).
            if (status.Receipt is { } receipt && result.PaymentMethod == PaymentMethodType.KopoKopo)
                await receiptLinks.LinkToPurchaseAsync(key.OrganizationId, result.PurchaseId!.Value, receipt, result.PaymentMethod.Value, cancellationToken);
        }
        return result.Outcome switch
        {
            SettlementOutcome.PurchaseNotFound => null,
            SettlementOutcome.Settled => CallbackStatus.Settled,
            SettlementOutcome.AlreadyPaid or SettlementOutcome.ReceiptAlreadyUsed => CallbackStatus.Processed,
            _ => CallbackStatus.NeedsReview,
        };
    }

    /// <summary>Cancels (customer cancelled) or fails the purchase with a reason the customer can read.</summary>
    public Task<bool> FailAsync(PurchaseKey purchase, PaymentFailureReason reason, string? providerCode,
        SettlementTransaction? transaction, CancellationToken cancellationToken) =>
        FinishAsync(purchase, reason == PaymentFailureReason.CancelledByUser, CustomerMessages.For(reason), providerCode, transaction, cancellationToken);

    /// <summary>The provider refused the payment request itself: no prompt reached the customer.</summary>
    public Task<bool> FailRefusedAsync(Guid organizationId, Guid purchaseId, CancellationToken cancellationToken) =>
        FinishAsync(PurchaseKey.ById(organizationId, purchaseId), cancel: false, CustomerMessages.ProviderRefused, null, null, cancellationToken);

    private async Task<bool> FinishAsync(PurchaseKey key, bool cancel, string text, string? providerCode,
        SettlementTransaction? transaction, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var now = time.GetUtcNow().UtcDateTime;
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var purchase = await key.Find(db.Purchases).SingleOrDefaultAsync(cancellationToken);
                if (purchase is null)
                {
                    await CallbackRowMarks.MarkAsync(db, key.OrganizationId, transaction, CallbackRowMark.ForReview(null, CallbackRowMark.NoMatchingPurchase), cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    if (transaction is not null)
                        logger.LogWarning("Payment failure for organization {OrganizationId} matches no purchase; kept for review", key.OrganizationId);
                    return false;
                }
                var changed = cancel ? purchase.Cancel(text, now) : purchase.Fail(text, now);
                await CallbackRowMarks.MarkAsync(db, key.OrganizationId, transaction, CallbackRowMark.Processed(purchase.Id), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                if (changed)
                {
                    metrics.PurchaseFinished(purchase.Status);
                    logger.LogInformation("Purchase {PurchaseId} of organization {OrganizationId} is {Status} (provider code {Code})",
                        purchase.Id, purchase.OrganizationId, purchase.Status, providerCode);
                }
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Settled or failed by someone else meanwhile; read it again.
            }
        }
    }

    /// <summary>Expires a purchase that got no outcome in time.</summary>
    public async Task<bool> ExpireAsync(Guid organizationId, Guid purchaseId, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var purchase = await db.Purchases.SingleOrDefaultAsync(p => p.Id == purchaseId && p.OrganizationId == organizationId, cancellationToken);
            if (purchase is null || !purchase.Expire(CustomerMessages.NoOutcome, time.GetUtcNow().UtcDateTime))
                return false;
            await db.SaveChangesAsync(cancellationToken);
            metrics.PurchaseFinished(PurchaseStatus.Expired);
            logger.LogInformation("Purchase {PurchaseId} of organization {OrganizationId} expired without an outcome", purchaseId, organizationId);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // an outcome arrived meanwhile
        }
    }

    /// <summary>The provider says the payment is still in progress: the row is processed, the purchase waits.</summary>
    private async Task<bool> MarkPendingAsync(PurchaseKey key, SettlementTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is null)
            return true;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var purchaseId = await key.Find(db.Purchases).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var mark = purchaseId is null ? CallbackRowMark.ForReview(null, CallbackRowMark.NoMatchingPurchase) : CallbackRowMark.Processed(purchaseId);
        await CallbackRowMarks.MarkAsync(db, key.OrganizationId, transaction, mark, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return purchaseId is not null;
    }
}
