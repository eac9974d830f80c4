using Hotspot.Domain;
using Hotspot.Domain.Auditing;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Payments;

/// <summary>
/// Turns a stored payment that paid no purchase into a PAID purchase with the payment's receipt and its ACTIVE
/// voucher, in one database transaction that also marks the payment row and writes the audit entry. Used by the
/// admin's <c>resolvePayment(ISSUE_VOUCHER)</c> and by the customer's claim by receipt on the portal.
/// Exactly once per payment: the row changes only if it still stands as read (<see cref="StoredPayments"/>), and
/// one receipt pays at most one purchase (checked first; the unique index on purchases' receipt has the last word).
/// Money the plan does not use stays in review with a reason, to be refunded or dismissed.
/// </summary>
public sealed class StoredPaymentVouchers(IDbContextFactory<HotspotDbContext> contexts, TimeProvider time, ILogger<StoredPaymentVouchers> logger)
{
    public const string AuditAction = "payment.resolved";
    private const int MaxAttempts = 3;

    /// <summary>The purchase and voucher a payment bought, and the payment as it now stands.</summary>
    public sealed record Issued(Purchase Purchase, Voucher Voucher, Plan Plan, long LeftOverKes);

    /// <param name="planId">The plan to issue; null picks the dearest plan on sale the payment covers.</param>
    /// <param name="payerPhone">The purchase's phone: the customer's full number when claimed, else the payment's own.</param>
    public async Task<Issued> IssueAsync(Guid organizationId, Guid paymentId, Guid? planId, string? payerPhone, string actor, string? note,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryIssueAsync(organizationId, paymentId, planId, payerPhone, actor, note, cancellationToken);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                // A voucher code collided (rare: try again with another), or another purchase took the receipt first.
                if (attempt >= MaxAttempts || await ReceiptTakenAsync(organizationId, paymentId, cancellationToken))
                    throw PaymentConflict.Because("This payment has already paid a purchase.");
            }
        }
    }

    private async Task<Issued> TryIssueAsync(Guid organizationId, Guid paymentId, Guid? planId, string? payerPhone, string actor, string? note,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var payment = await StoredPayments.FindAsync(db, organizationId, paymentId, cancellationToken)
            ?? throw new DomainException(Auth.AccessDenied.NotFoundCode, "Payment not found.");
        // Read again inside the transaction: a decision taken since the caller looked (a dismissal, a refund) stands.
        if (payment.Status != CallbackStatus.NeedsReview && !payment.IsUnclaimed)
            throw PaymentConflict.Because($"This payment is no longer in review (it is {payment.Status}); there is nothing to decide.");
        RequireIssuable(payment);
        if (await db.Purchases.AnyAsync(p => p.OrganizationId == organizationId && p.ProviderReceipt == payment.Receipt, cancellationToken))
            throw PaymentConflict.Because($"The payment with receipt {payment.Receipt} has already paid a purchase; refund or dismiss what is left of it.");

        var amount = payment.AmountKes!.Value;
        var plan = await PlanAsync(db, organizationId, planId, amount, cancellationToken);
        if (plan.PriceKes > amount)
            throw DomainException.Validation($"The payment of {amount} KES does not cover the plan {plan.Name} ({plan.PriceKes} KES).");

        var purchase = Purchase.ForStoredPayment(plan, payerPhone ?? payment.PhoneNumber, payment.Receipt!, payment.Provider, now);
        var voucher = Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), now);
        purchase.AttachVoucher(voucher.Id);
        var leftOver = amount - plan.PriceKes;
        var resolution = new PaymentResolution(PaymentResolutionAction.IssueVoucher, PaymentResolution.CleanNote(note), actor, now, voucher.Id);
        var change = leftOver == 0
            ? new PaymentChange(CallbackStatus.Settled, purchase.Id, payment.ReviewReason, resolution)
            : new PaymentChange(CallbackStatus.NeedsReview, purchase.Id,
                $"{leftOver} KES of this payment of {amount} KES is left over after it bought voucher {voucher.Code} ({plan.Name}, {plan.PriceKes} KES): refund or dismiss it.",
                resolution);
        if (!await StoredPayments.TryChangeAsync(db, payment, change, cancellationToken))
            throw PaymentConflict.AlreadyDecided();

        db.Purchases.Add(purchase);
        db.Vouchers.Add(voucher);
        db.AuditLog.Add(new AuditEntry(organizationId, actor, AuditAction,
            $"ISSUE_VOUCHER: {payment.ProviderName} payment {payment.Id} (receipt {payment.Receipt}, {amount} KES) bought voucher {voucher.Id} "
            + $"of plan {plan.Name} ({plan.PriceKes} KES), purchase {purchase.Id}; {leftOver} KES left over."
            + (payment.ReviewReason is { } why ? " It was in review: " + why : "") + (resolution.Note is { } n ? " Note: " + n : ""),
            now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Payment {PaymentId} (receipt {Receipt}) of organization {OrganizationId} bought voucher {VoucherId} through {Actor}; {LeftOver} KES left over",
            payment.Id, payment.Receipt, organizationId, voucher.Id, actor == PaymentResolution.PortalClaim ? actor : "an admin", leftOver);
        return new Issued(purchase, voucher, plan, leftOver);
    }

    /// <summary>Only money that arrived, in shillings, with a receipt to hold the purchase to, can buy a voucher.</summary>
    public static void RequireIssuable(StoredPayment payment)
    {
        if (!payment.IsPayment)
            throw DomainException.Validation("This row reports no money received (a failure, a refund result or an unreadable delivery): dismiss it.");
        if (!payment.IsInShillings)
            throw DomainException.Validation($"The payment is in {payment.Currency ?? "an unknown currency"}, not KES: refund or dismiss it.");
        if (payment.Receipt is null)
            throw DomainException.Validation("The payment has no receipt to hold a purchase to.");
    }

    private static async Task<Plan> PlanAsync(HotspotDbContext db, Guid organizationId, Guid? planId, long amount, CancellationToken cancellationToken)
    {
        if (planId is { } id)
            return await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.OrganizationId == organizationId, cancellationToken)
                ?? throw new DomainException(Auth.AccessDenied.NotFoundCode, "Plan not found.");
        return await db.Plans.AsNoTracking()
                .Where(p => p.OrganizationId == organizationId && p.IsActive && p.PriceKes <= amount)
                .OrderByDescending(p => p.PriceKes).ThenBy(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.Validation($"No plan on sale costs {amount} KES or less.");
    }

    private async Task<bool> ReceiptTakenAsync(Guid organizationId, Guid paymentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payment = await StoredPayments.FindAsync(db, organizationId, paymentId, cancellationToken);
        return payment?.Receipt is { } receipt
            && await db.Purchases.AnyAsync(p => p.OrganizationId == organizationId && p.ProviderReceipt == receipt, cancellationToken);
    }
}
