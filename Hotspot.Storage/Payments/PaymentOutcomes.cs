using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotspot.Storage.Payments;

/// <summary>
/// The one place where what a provider said about a purchase (by callback or by query) is applied: paid, failed,
/// cancelled, expired, pending, or kept for review. Each outcome has one entry point; <see cref="ApplyAsync"/> picks
/// it from a provider's <see cref="PaymentStatus"/>. Each writes the purchase and the stored callback behind it (if
/// any) in one transaction. Exactly once: the purchase's status is a concurrency token, so of two racing writers the
/// second UPDATE matches no row (PostgreSQL waits on the first's row lock, SQLite serialises writers), rolls back, and
/// on retry finds the purchase already decided.
/// </summary>
public sealed class PaymentOutcomes(
    IDbContextFactory<HotspotDbContext> contexts,
    ReceiptLinks receiptLinks,
    CallbackBatches batches,
    PurchaseMetrics metrics,
    TimeProvider time,
    ILogger<PaymentOutcomes> logger)
{
    private const int MaxAttempts = 5;

    /// <param name="amountKes">The amount the provider says was paid (for a query that gives none: the amount requested).</param>
    /// <returns>
    /// What became of the callback: it settled the purchase, was processed (a failure, a repeat), or waits for review;
    /// null when no purchase of the organization has this key (the callback is then kept for review).
    /// </returns>
    public async Task<CallbackStatus?> ApplyAsync(PurchaseKey purchase, PaymentStatus status, long amountKes,
        StoredCallbackReference? callback, CancellationToken cancellationToken)
    {
        switch (status.State)
        {
            case PaymentState.Succeeded:
                var paid = await PaidAsync(new SettlementRequest(purchase, amountKes, status.Receipt, callback, status.Currency), cancellationToken);
                return paid.Outcome switch
                {
                    SettlementOutcome.PurchaseNotFound => null,
                    SettlementOutcome.Settled => CallbackStatus.Settled,
                    SettlementOutcome.AlreadyPaid or SettlementOutcome.ReceiptAlreadyUsed => CallbackStatus.Processed,
                    _ => CallbackStatus.NeedsReview,
                };
            case PaymentState.Failed when status.FailureReason == PaymentFailureReason.CancelledByUser:
                return await CancelledAsync(purchase, status.ResultCode, callback, cancellationToken) ? CallbackStatus.Processed : null;
            case PaymentState.Failed:
                return await FailedAsync(purchase, CustomerMessages.For(status.FailureReason), status.ResultCode, callback, cancellationToken)
                    ? CallbackStatus.Processed : null;
            default:
                return await PendingAsync(purchase, callback, cancellationToken) ? CallbackStatus.Processed : null;
        }
    }

    /// <summary>
    /// Paid: in one transaction the purchase moves from PENDING to PAID and its voucher is issued ACTIVE. A different
    /// amount, a currency other than KES, or a receipt that already paid another purchase settles nothing and is
    /// recorded on the purchase and the callback for review; the unique index on (organization, receipt) backs the last
    /// rule when two race.
    /// </summary>
    public async Task<SettlementResult> PaidAsync(SettlementRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await TrySettleAsync(request, cancellationToken);
                if (result.Settled)
                    await AfterSettledAsync(request, result, cancellationToken);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another settlement (or a failure) changed the purchase first; read it again.
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && DatabaseErrors.IsUniqueViolation(e))
            {
                // A voucher code collided (rare), or a racing writer issued the voucher; try again.
            }
            catch (Exception e) when (attempt < MaxAttempts && DatabaseErrors.IsDeadlock(e))
            {
                // A racing writer (a batch settling the same purchase) waited on this transaction's voucher while this one
                // waited on the purchase; PostgreSQL rolled this one back. Read again: the purchase is likely paid now.
            }
        }
    }

    /// <summary>
    /// Paid, for a callback not stored yet, in the common case: the purchase is pending, the payment matches it, and its
    /// receipt paid nothing else. Then one statement on PostgreSQL pays it, issues its voucher and stores the callback
    /// already decided, together with the other callbacks that arrived meanwhile (<see cref="CallbackBatches"/>): one
    /// read, one commit for all of them. In any other case the batch stores the callback undecided, for the caller to
    /// apply with <see cref="ApplyAsync"/>.
    /// </summary>
    /// <returns>
    /// What the batch did; null when nothing was written (SQLite, or a racing writer got there first): the caller then
    /// stores the callback on its own and applies it, so nothing is lost.
    /// </returns>
    public async Task<CallbackBatches.Written?> PaidOnArrivalAsync(SettlementRequest request, StoredCallback callback, CancellationToken cancellationToken)
    {
        var written = await batches.SettleAsync(request, callback, cancellationToken);
        if (written?.Settlement is { } result)
        {
            logger.LogInformation("Purchase {PurchaseId} of organization {OrganizationId} paid (receipt {Receipt}); voucher {VoucherId} issued",
                result.PurchaseId, request.OrganizationId, request.Receipt, result.VoucherId);
            await AfterSettledAsync(request, result, cancellationToken);
        }
        return written;
    }

    /// <summary>Failed: the purchase fails with a reason the customer can read, if it is still pending.</summary>
    /// <returns>False when no purchase of the organization has this key.</returns>
    public Task<bool> FailedAsync(PurchaseKey purchase, string customerMessage, string? providerCode,
        StoredCallbackReference? callback, CancellationToken cancellationToken) =>
        FinishAsync(purchase, cancel: false, customerMessage, providerCode, callback, cancellationToken);

    /// <summary>Cancelled: the customer dismissed the prompt; the purchase is cancelled if it is still pending.</summary>
    /// <returns>False when no purchase of the organization has this key.</returns>
    public Task<bool> CancelledAsync(PurchaseKey purchase, string? providerCode, StoredCallbackReference? callback,
        CancellationToken cancellationToken) =>
        FinishAsync(purchase, cancel: true, CustomerMessages.For(PaymentFailureReason.CancelledByUser), providerCode, callback, cancellationToken);

    /// <summary>Expired: no outcome came in time.</summary>
    /// <returns>True when this call expired the purchase; false when an outcome arrived meanwhile.</returns>
    public async Task<bool> ExpiredAsync(Guid organizationId, Guid purchaseId, CancellationToken cancellationToken)
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

    /// <summary>Pending: the payment is still in progress; the callback is processed and the purchase waits.</summary>
    /// <returns>False when no purchase of the organization has this key.</returns>
    public async Task<bool> PendingAsync(PurchaseKey key, StoredCallbackReference? callback, CancellationToken cancellationToken)
    {
        if (callback is null)
            return true;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var purchaseId = await key.Find(db.Purchases).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var decision = purchaseId is null
            ? StoredCallbackDecision.ForReview(null, StoredCallbackDecision.NoMatchingPurchase)
            : StoredCallbackDecision.Processed(purchaseId);
        await callback.RecordAsync(db, key.OrganizationId, decision, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return purchaseId is not null;
    }

    /// <summary>Review: money a person must decide about that belongs to no purchase (e.g. a reversed till payment).</summary>
    public async Task ReviewAsync(Guid organizationId, StoredCallbackReference callback, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await callback.RecordAsync(db, organizationId, StoredCallbackDecision.ForReview(null, reason), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<SettlementResult> TrySettleAsync(SettlementRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One transaction, no savepoint inside it: a failed save rolls the whole attempt back and the loop retries.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var candidates = await request.Purchase.FindWithReceiptHolder(db.Purchases, request.Receipt).ToListAsync(cancellationToken);
        var purchase = candidates.SingleOrDefault(request.Purchase.Names);
        var receiptHolder = candidates.FirstOrDefault(p => p != purchase && p.ProviderReceipt == request.Receipt);
        if (purchase is null)
        {
            const string reason = StoredCallbackDecision.NoMatchingPurchase;
            await RecordAsync(db, request, StoredCallbackDecision.ForReview(null, reason), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogWarning("Payment for organization {OrganizationId} matches no purchase ({Key}); kept for review",
                request.OrganizationId, request.Purchase.PurchaseId?.ToString() ?? request.Purchase.ProviderRequestId);
            return new SettlementResult(SettlementOutcome.PurchaseNotFound, null, null, reason);
        }

        var outcome = receiptHolder is not null && purchase.Status == PurchaseStatus.Pending
            ? purchase.RefuseReceiptPaidElsewhere(request.Receipt!, now)
            : purchase.Settle(request.AmountKes, request.Currency, request.Receipt, now);
        Voucher? voucher = null;
        switch (outcome)
        {
            case SettlementOutcome.ReceiptAlreadyUsed:
                // The money already bought the holder's voucher: the callback belongs with it.
                await RecordAsync(db, request, StoredCallbackDecision.Processed(receiptHolder!.Id), cancellationToken);
                break;
            case SettlementOutcome.Settled:
                voucher = Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), now);
                db.Vouchers.Add(voucher);
                purchase.AttachVoucher(voucher.Id);
                await RecordAsync(db, request, StoredCallbackDecision.Settled(purchase.Id), cancellationToken);
                break;
            case SettlementOutcome.AlreadyPaid:
                voucher = await db.Vouchers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == purchase.VoucherId, cancellationToken);
                // The payment that paid it may be applied twice (its callback and a replay of it): it stays the settling one.
                var samePayment = request.Receipt is not null && request.Receipt == purchase.ProviderReceipt;
                await RecordAsync(db, request,
                    samePayment ? StoredCallbackDecision.Settled(purchase.Id) : StoredCallbackDecision.Processed(purchase.Id), cancellationToken);
                break;
            default:
                await RecordAsync(db, request, StoredCallbackDecision.ForReview(purchase.Id, purchase.ReviewReason!), cancellationToken);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (outcome == SettlementOutcome.Settled)
            logger.LogInformation("Purchase {PurchaseId} of organization {OrganizationId} paid (receipt {Receipt}); voucher {VoucherId} issued",
                purchase.Id, purchase.OrganizationId, request.Receipt, voucher!.Id);
        else if (outcome != SettlementOutcome.AlreadyPaid)
            logger.LogWarning("Payment for purchase {PurchaseId} of organization {OrganizationId} not applied ({Outcome}): {Reason}",
                purchase.Id, purchase.OrganizationId, outcome, purchase.ReviewReason);

        return new SettlementResult(outcome, voucher?.Id, voucher?.Code,
            outcome is SettlementOutcome.AmountMismatch or SettlementOutcome.CurrencyMismatch or SettlementOutcome.NotPending
                or SettlementOutcome.ReceiptAlreadyUsed ? purchase.ReviewReason : null, purchase.Id, purchase.PaymentMethod);
    }

    /// <summary>Counts the paid purchase and links the till notifications of its receipt stored before it.</summary>
    private async Task AfterSettledAsync(SettlementRequest request, SettlementResult result, CancellationToken cancellationToken)
    {
        metrics.PurchaseFinished(PurchaseStatus.Paid);
        // Only once the purchase is committed as paid can the till's notification of the same receipt be linked to it.
        // Kopo Kopo sends its till webhook together with the incoming payment's result, so the webhook is often
        // stored first. An M-Pesa purchase is paid by its own STK callback; a paybill notification of the same
        // receipt links itself when it is stored, and this round trip stays off the busiest path (one receipt
        // still buys one voucher either way: the receipt is held by the purchase).
        if (request.Receipt is { } receipt && result.PaymentMethod == PaymentMethodType.KopoKopo)
            await receiptLinks.LinkToPurchaseAsync(request.OrganizationId, result.PurchaseId!.Value, receipt, result.PaymentMethod.Value, cancellationToken);
    }

    private async Task<bool> FinishAsync(PurchaseKey key, bool cancel, string customerMessage, string? providerCode,
        StoredCallbackReference? callback, CancellationToken cancellationToken)
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
                    if (callback is not null)
                    {
                        await callback.RecordAsync(db, key.OrganizationId,
                            StoredCallbackDecision.ForReview(null, StoredCallbackDecision.NoMatchingPurchase), cancellationToken);
                        await db.SaveChangesAsync(cancellationToken);
                        logger.LogWarning("Payment failure for organization {OrganizationId} matches no purchase; kept for review", key.OrganizationId);
                    }
                    return false;
                }
                var changed = cancel ? purchase.Cancel(customerMessage, now) : purchase.Fail(customerMessage, now);
                if (callback is not null)
                    await callback.RecordAsync(db, key.OrganizationId, StoredCallbackDecision.Processed(purchase.Id), cancellationToken);
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
            catch (Exception e) when (attempt < MaxAttempts && DatabaseErrors.IsDeadlock(e))
            {
                // Rolled back to break a deadlock with a racing writer: nothing was written; read again.
            }
        }
    }

    private static Task RecordAsync(HotspotDbContext db, SettlementRequest request, StoredCallbackDecision decision, CancellationToken cancellationToken) =>
        request.Callback is { } callback ? callback.RecordAsync(db, request.OrganizationId, decision, cancellationToken) : Task.CompletedTask;
}
