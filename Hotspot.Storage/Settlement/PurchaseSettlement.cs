using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotspot.Storage.Settlement;

/// <summary>
/// Applies a payment confirmation: in one database transaction the purchase moves from PENDING to PAID and its
/// voucher is issued ACTIVE. Exactly once: the purchase's status is a concurrency token, so of two racing
/// settlements the second UPDATE matches no row (PostgreSQL waits on the first's row lock, SQLite serialises
/// writers), rolls back, and on retry finds the purchase already paid. A different amount, a currency other than
/// KES, or a receipt that already paid another purchase settles nothing and is recorded on the purchase and the
/// callback row for review; the unique index on (organization, receipt) backs the last rule when two race.
/// </summary>
public sealed class PurchaseSettlement(
    IDbContextFactory<HotspotDbContext> contexts,
    TimeProvider time,
    ILogger<PurchaseSettlement> logger)
{
    private const int MaxAttempts = 5;

    public async Task<SettlementResult> SettleAsync(SettlementRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySettleAsync(request, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another settlement (or a failure) changed the purchase first; read it again.
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && DatabaseErrors.IsUniqueViolation(e))
            {
                // A voucher code collided (rare), or a racing writer issued the voucher; try again.
            }
        }
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
            const string reason = CallbackRowMark.NoMatchingPurchase;
            await CallbackRowMarks.MarkAsync(db, request.OrganizationId, request.Transaction, CallbackRowMark.ForReview(null, reason), cancellationToken);
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
                // The money already bought the holder's voucher: the delivery belongs with it.
                await CallbackRowMarks.MarkAsync(db, request.OrganizationId, request.Transaction, CallbackRowMark.Processed(receiptHolder!.Id), cancellationToken);
                break;
            case SettlementOutcome.Settled:
                voucher = Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), now);
                db.Vouchers.Add(voucher);
                purchase.AttachVoucher(voucher.Id);
                await CallbackRowMarks.MarkAsync(db, request.OrganizationId, request.Transaction, CallbackRowMark.Settled(purchase.Id), cancellationToken);
                break;
            case SettlementOutcome.AlreadyPaid:
                voucher = await db.Vouchers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == purchase.VoucherId, cancellationToken);
                // The payment that paid it may be applied twice (its callback and a replay of it): it stays the settling one.
                var samePayment = request.Receipt is not null && request.Receipt == purchase.ProviderReceipt;
                await CallbackRowMarks.MarkAsync(db, request.OrganizationId, request.Transaction,
                    samePayment ? CallbackRowMark.Settled(purchase.Id) : CallbackRowMark.Processed(purchase.Id), cancellationToken);
                break;
            default:
                await CallbackRowMarks.MarkAsync(db, request.OrganizationId, request.Transaction, CallbackRowMark.ForReview(purchase.Id, purchase.ReviewReason!), cancellationToken);
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
}
