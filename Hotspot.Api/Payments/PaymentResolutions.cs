using Hotspot.Api.GraphQL;
using Hotspot.Domain;
using Hotspot.Domain.Auditing;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Payments;

/// <summary>
/// An organization admin's decision about a payment kept for review: issue a voucher with it, refund what no purchase
/// used (Daraja B2C for M-Pesa rows, Kopo Kopo PAY for Kopo Kopo rows), or dismiss it with a note. Each payment is
/// decided once: the row changes only while it stands as read, so of two admins deciding at once one gets CONFLICT.
/// A refund is recorded before the provider is asked (so it cannot be sent twice) and undone when the provider
/// refuses; when the provider's answer is lost it stays recorded, since the money may be on its way. Every decision is written to the audit log with its actor. Access is checked by the caller.
/// </summary>
public sealed class PaymentResolutions(
    IDbContextFactory<HotspotDbContext> contexts,
    StoredPaymentVouchers vouchers,
    PaymentAdministration administration,
    TimeProvider time,
    ILogger<PaymentResolutions> logger)
{
    public const string RefundFailedAuditAction = "payment.refund_failed";
    public const string RefundUnknownAuditAction = "payment.refund_unknown";

    // Daraja B2C and Kopo Kopo PAY both send 10 KES at least; Kopo Kopo at most 150,000 per payment.
    private const long MinRefundKes = 10;
    private const long MaxRefundKes = 150_000;

    /// <summary>What the dashboard gets back: whether it happened, a sentence, the payment as it now stands.</summary>
    public sealed record Outcome(bool Success, string Message, StoredCallback Payment, Voucher? Voucher, string? ProviderRequestId);

    public async Task<Outcome> ResolveAsync(Guid organizationId, Guid paymentId, PaymentResolutionAction action, Guid? planId, string? note,
        string actor, CancellationToken cancellationToken)
    {
        StoredPayment payment;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            payment = await StoredPayments.FindAsync(db, organizationId, paymentId, cancellationToken)
                ?? throw new DomainException(Auth.AccessDenied.NotFoundCode, "Payment not found.");
        if (payment.Status != CallbackStatus.NeedsReview)
            throw PaymentConflict.Because($"This payment is not in review (it is {payment.Status}); there is nothing to decide.");

        switch (action)
        {
            case PaymentResolutionAction.IssueVoucher:
                if (planId is null)
                    throw DomainException.Validation("ISSUE_VOUCHER needs a planId.");
                var issued = await vouchers.IssueAsync(organizationId, paymentId, planId, null, actor, note, cancellationToken);
                return new Outcome(true, issued.LeftOverKes == 0
                        ? $"Voucher {issued.Voucher.Code} issued."
                        : $"Voucher {issued.Voucher.Code} issued; {issued.LeftOverKes} KES is left over and stays in review.",
                    await RowAsync(payment, cancellationToken), issued.Voucher, null);
            case PaymentResolutionAction.Refund:
                return await RefundAsync(payment, note, actor, cancellationToken);
            case PaymentResolutionAction.Dismiss:
                if (string.IsNullOrWhiteSpace(note))
                    throw DomainException.Validation("DISMISS needs a note saying why.");
                await ChangeAsync(payment, Decided(payment, PaymentResolutionAction.Dismiss, note, actor),
                    $"DISMISS: {payment.ProviderName} payment {payment.Id} (receipt {payment.Receipt ?? "none"}, {Amount(payment)})." + NoteOf(note),
                    cancellationToken);
                logger.LogInformation("Payment {PaymentId} of organization {OrganizationId} dismissed", payment.Id, organizationId);
                return new Outcome(true, "Payment dismissed.", await RowAsync(payment, cancellationToken), null, null);
            default:
                throw DomainException.Validation($"Unknown action {action}.");
        }
    }

    private async Task<Outcome> RefundAsync(StoredPayment payment, string? note, string actor, CancellationToken cancellationToken)
    {
        if (!payment.IsPayment)
            throw DomainException.Validation("This row reports no money received: there is nothing to refund; dismiss it.");
        if (!payment.IsInShillings)
            throw DomainException.Validation($"The payment is in {payment.Currency ?? "an unknown currency"}: refund it outside the system and dismiss it.");
        if (!KenyanPhoneNumber.TryParse(payment.PhoneNumber, out _))
            throw DomainException.Validation("The payer's number is masked or unreadable: refund it outside the system and dismiss it.");
        var unspent = await UnspentAsync(payment, cancellationToken);
        if (unspent <= 0)
            throw DomainException.Validation("Nothing of this payment is left to refund (it paid a purchase, or it was refunded already): dismiss it.");
        if (unspent is < MinRefundKes or > MaxRefundKes)
            throw DomainException.Validation($"{unspent} KES is outside what the providers send ({MinRefundKes} to {MaxRefundKes} KES): refund it outside the system and dismiss it.");

        // Recorded first, so a second refund of the same money cannot start while the provider is being asked.
        var refunded = Decided(payment, PaymentResolutionAction.Refund, note, actor);
        var what = $"{payment.ProviderName} payment {payment.Id} (receipt {payment.Receipt}, {payment.AmountKes} KES)";
        await ChangeAsync(payment, refunded, $"REFUND of {unspent} KES of {what} to the payer." + NoteOf(note), cancellationToken);

        PaymentAdministration.Payout payout;
        try
        {
            var reason = $"Refund {payment.Receipt}";
            payout = payment.Provider == PaymentMethodType.Mpesa
                ? await administration.RefundAsync(payment.OrganizationId, payment.PhoneNumber ?? "", unspent, reason,
                    "refund-" + payment.Id.ToString("N"), cancellationToken)
                : await administration.SendMoneyAsync(payment.OrganizationId, payment.PhoneNumber, unspent, reason, cancellationToken);
        }
        catch (DomainException e)
        {
            await UndoRefundAsync(payment, refunded, actor, e.Message);
            throw;
        }
        if (!payout.Success && payout.OutcomeUnknown)
        {
            // It may have been paid out: going back to review would invite a second refund of the same money.
            await AuditAsync(payment, actor, RefundUnknownAuditAction,
                $"REFUND of {unspent} KES of {what}: the provider could not confirm it ({payout.Message}). Marked refunded; "
                + "check the provider's statement before paying anything again.");
            logger.LogWarning("Refund for payment {PaymentId} of organization {OrganizationId} may have been sent; outcome unknown: {Reason}",
                payment.Id, payment.OrganizationId, payout.Message);
            return new Outcome(false, payout.Message + " The refund may have gone through: the payment is marked refunded; "
                + "check the provider's statement before refunding it again.", await RowAsync(payment, cancellationToken), null, null);
        }
        if (!payout.Success)
        {
            await UndoRefundAsync(payment, refunded, actor, payout.Message);
            return new Outcome(false, payout.Message + " The payment stays in review.", await RowAsync(payment, cancellationToken), null, null);
        }
        logger.LogInformation("Refund of {Amount} KES for payment {PaymentId} of organization {OrganizationId} accepted ({ProviderRequestId})",
            unspent, payment.Id, payment.OrganizationId, payout.ProviderRequestId);
        return new Outcome(true, $"Refund of {unspent} KES requested. " + payout.Message, await RowAsync(payment, cancellationToken), null,
            payout.ProviderRequestId);
    }

    /// <summary>The provider refused (or could not be asked): the payment goes back to review as it was, and the log says so.</summary>
    private async Task UndoRefundAsync(StoredPayment payment, PaymentChange refunded, string actor, string why)
    {
        var asRefunded = payment with { Status = refunded.Status, PurchaseId = refunded.PurchaseId, ReviewReason = refunded.ReviewReason, Resolution = refunded.Resolution };
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (await StoredPayments.TryChangeAsync(db, asRefunded, PaymentChange.Back(payment), CancellationToken.None))
        {
            db.AuditLog.Add(new AuditEntry(payment.OrganizationId, actor, RefundFailedAuditAction,
                $"REFUND of {payment.ProviderName} payment {payment.Id} (receipt {payment.Receipt}) not sent: {why} Back in review.", Now()));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
        logger.LogWarning("Refund for payment {PaymentId} of organization {OrganizationId} not sent: {Reason}", payment.Id, payment.OrganizationId, why);
    }

    /// <summary>
    /// The payment's amount less what a purchase holding its receipt used (a voucher claimed with it); nothing when
    /// another delivery of the same payment (same receipt: an STK result and a C2B confirmation) was refunded already.
    /// </summary>
    private async Task<long> UnspentAsync(StoredPayment payment, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deliveries = await StoredPayments.WithReceiptAsync(db, payment.OrganizationId, payment.Receipt!, cancellationToken);
        if (deliveries.Any(d => d.Id != payment.Id && d.Resolution?.Action == PaymentResolutionAction.Refund))
            return 0;
        var spent = await db.Purchases.AsNoTracking()
            .Where(p => p.OrganizationId == payment.OrganizationId && p.ProviderReceipt == payment.Receipt)
            .Select(p => (long?)p.AmountKes).SingleOrDefaultAsync(cancellationToken) ?? 0;
        return (payment.AmountKes ?? 0) - spent;
    }

    private async Task AuditAsync(StoredPayment payment, string actor, string action, string details)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        db.AuditLog.Add(new AuditEntry(payment.OrganizationId, actor, action, details, Now()));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Applies a decision and its audit entry together, if the payment still stands as read.</summary>
    private async Task ChangeAsync(StoredPayment payment, PaymentChange change, string details, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await StoredPayments.TryChangeAsync(db, payment, change, cancellationToken))
            throw PaymentConflict.AlreadyDecided();
        db.AuditLog.Add(new AuditEntry(payment.OrganizationId, change.Resolution!.ResolvedBy, StoredPaymentVouchers.AuditAction, details, Now()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Out of review. Why it was in review stays readable, and so does the voucher a claim may already have bought
    /// with part of it.
    /// </summary>
    private PaymentChange Decided(StoredPayment payment, PaymentResolutionAction action, string? note, string actor) =>
        new(CallbackStatus.Processed, payment.PurchaseId, payment.ReviewReason,
            new PaymentResolution(action, PaymentResolution.CleanNote(note), actor, Now(), payment.Resolution?.VoucherId));

    private async Task<StoredCallback> RowAsync(StoredPayment payment, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return payment.Provider == PaymentMethodType.Mpesa
            ? await db.MpesaTransactions.AsNoTracking().SingleAsync(t => t.Id == payment.Id, cancellationToken)
            : await db.KopoKopoTransactions.AsNoTracking().SingleAsync(t => t.Id == payment.Id, cancellationToken);
    }

    private static string Amount(StoredPayment payment) => payment.AmountKes is { } amount ? $"{amount} {payment.Currency ?? "?"}" : "no amount";

    private static string NoteOf(string? note) => PaymentResolution.CleanNote(note) is { } clean ? " Note: " + clean : "";

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
