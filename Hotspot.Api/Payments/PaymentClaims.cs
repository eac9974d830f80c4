using Hotspot.Domain;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Purchases;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Payments;

/// <summary>
/// The portal's "I already paid": a customer gives the M-Pesa receipt (Kopo Kopo: reference) and the phone that paid.
/// A payment that paid a purchase answers with that purchase's voucher, the same one every time. A successful KES
/// payment that paid none (to the paybill or till directly, too late) buys, once, a voucher of the dearest plan on
/// sale it covers (<see cref="StoredPaymentVouchers"/>); what is left over stays in review. Anything else (an
/// unknown receipt, another phone, another organization's receipt, a failed or foreign-currency payment) is
/// <see cref="ClaimOutcome.NotFound"/>, one answer for all, so guesses learn nothing.
/// </summary>
public sealed class PaymentClaims(IDbContextFactory<HotspotDbContext> contexts, StoredPaymentVouchers vouchers, ILogger<PaymentClaims> logger)
{
    public sealed record Result(ClaimOutcome Outcome, string? VoucherCode = null, DateTime? ExpiresAt = null, string? PlanName = null);

    /// <summary>Receipts as customers type them: letters and digits, upper case (M-Pesa receipts are ten such).</summary>
    public static string? NormalizeReceipt(string? receipt)
    {
        var compact = receipt?.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact is { Length: >= 6 and <= 32 } && compact.All(char.IsAsciiLetterOrDigit) ? compact : null;
    }

    public async Task<Result> ClaimAsync(Guid organizationId, string receipt, KenyanPhoneNumber phone, CancellationToken cancellationToken)
    {
        var payments = await PaymentsAsync(organizationId, receipt, cancellationToken);
        var paid = await PaidPurchaseAsync(organizationId, receipt, cancellationToken);
        var payerMatches = payments.Any(p => PayerPhone.Matches(p.PhoneNumber, phone));
        if (paid is not null)
            return paid.PhoneNumber == phone.Value || payerMatches ? await VoucherOfAsync(paid, cancellationToken) : new Result(ClaimOutcome.NotFound);

        var unclaimed = payments.FirstOrDefault(p => p.IsUnclaimed && PayerPhone.Matches(p.PhoneNumber, phone));
        if (unclaimed is null)
            return new Result(ClaimOutcome.NotFound);
        try
        {
            var issued = await vouchers.IssueAsync(organizationId, unclaimed.Id, planId: null, phone.Value, PaymentResolution.PortalClaim, null,
                cancellationToken);
            return new Result(ClaimOutcome.Voucher, issued.Voucher.Code, issued.Voucher.ExpiresAt, issued.Plan.Name);
        }
        catch (DomainException e) when (e.Code == PaymentConflict.Code)
        {
            // A claim running at the same moment bought the voucher: it is the one to show.
            paid = await PaidPurchaseAsync(organizationId, receipt, cancellationToken);
            return paid is null ? new Result(ClaimOutcome.NotFound) : await VoucherOfAsync(paid, cancellationToken);
        }
        catch (DomainException e) when (e.Code == DomainErrorCodes.Validation)
        {
            logger.LogInformation("Claim of payment {PaymentId} of organization {OrganizationId} bought nothing: {Reason}", unclaimed.Id, organizationId, e.Message);
            return new Result(ClaimOutcome.CoversNoPlan);
        }
    }

    /// <summary>The organization's successful KES payments with this receipt.</summary>
    private async Task<IReadOnlyList<StoredPayment>> PaymentsAsync(Guid organizationId, string receipt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await StoredPayments.WithReceiptAsync(db, organizationId, receipt, cancellationToken))
            .Where(p => p.IsPayment && p.IsInShillings).ToList();
    }

    private async Task<Purchase?> PaidPurchaseAsync(Guid organizationId, string receipt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Purchases.AsNoTracking()
            .FirstOrDefaultAsync(p => p.OrganizationId == organizationId && p.ProviderReceipt == receipt && p.Status == PurchaseStatus.Paid, cancellationToken);
    }

    private async Task<Result> VoucherOfAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var voucher = purchase.VoucherId is { } id
            ? await db.Vouchers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.OrganizationId == purchase.OrganizationId, cancellationToken)
            : null;
        if (voucher is null)
            return new Result(ClaimOutcome.NotFound);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == voucher.PlanId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        return new Result(ClaimOutcome.Voucher, voucher.Code, voucher.ExpiresAt, plan);
    }
}
