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
/// writers), rolls back, and on retry finds the purchase already paid. A different amount settles nothing and
/// is recorded on the purchase and the callback row for review.
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var purchase = await db.Purchases.SingleOrDefaultAsync(
            p => p.Id == request.PurchaseId && p.OrganizationId == request.OrganizationId, cancellationToken);
        if (purchase is null)
        {
            const string reason = "No purchase of this organization matches the payment.";
            await MarkTransactionAsync(db, request, t => t.ForReview(null, reason), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SettlementResult(SettlementOutcome.PurchaseNotFound, null, null, reason);
        }

        var outcome = purchase.Settle(request.AmountKes, request.Receipt, now);
        Voucher? voucher = null;
        switch (outcome)
        {
            case SettlementOutcome.Settled:
                voucher = Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), now);
                db.Vouchers.Add(voucher);
                purchase.AttachVoucher(voucher.Id);
                await MarkTransactionAsync(db, request, t => t.Settled(purchase.Id), cancellationToken);
                break;
            case SettlementOutcome.AlreadyPaid:
                voucher = await db.Vouchers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == purchase.VoucherId, cancellationToken);
                await MarkTransactionAsync(db, request, t => t.Processed(purchase.Id), cancellationToken);
                break;
            default:
                await MarkTransactionAsync(db, request, t => t.ForReview(purchase.Id, purchase.ReviewReason!), cancellationToken);
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
            outcome is SettlementOutcome.AmountMismatch or SettlementOutcome.NotPending ? purchase.ReviewReason : null);
    }

    private static async Task MarkTransactionAsync(HotspotDbContext db, SettlementRequest request, Action<TransactionMark> mark, CancellationToken cancellationToken)
    {
        if (request.Transaction is not { } reference)
            return;
        switch (reference.Provider)
        {
            case PaymentMethodType.Mpesa:
                var mpesa = await db.MpesaTransactions.SingleOrDefaultAsync(
                    t => t.Id == reference.TransactionId && t.OrganizationId == request.OrganizationId, cancellationToken);
                if (mpesa is not null)
                    mark(new TransactionMark(mpesa.MarkSettled, mpesa.MarkProcessed, mpesa.MarkForReview));
                break;
            case PaymentMethodType.KopoKopo:
                var kopokopo = await db.KopoKopoTransactions.SingleOrDefaultAsync(
                    t => t.Id == reference.TransactionId && t.OrganizationId == request.OrganizationId, cancellationToken);
                if (kopokopo is not null)
                    mark(new TransactionMark(kopokopo.MarkSettled, kopokopo.MarkProcessed, kopokopo.MarkForReview));
                break;
        }
    }

    /// <summary>The three marks both transaction types support, so the outcome logic is written once.</summary>
    private sealed record TransactionMark(Action<Guid> Settled, Action<Guid?> Processed, Action<Guid?, string> ForReview);
}
