using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;

namespace Hotspot.Domain.Vouchers;

/// <summary>
/// A code that grants a plan's access. Purchase vouchers are active from the moment the payment settles;
/// batch and admin vouchers wait unused until their first login.
/// </summary>
public sealed class Voucher
{
    private Voucher() { Code = ""; }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid PlanId { get; private set; }

    /// <summary>Normalised (upper case) code; unique across all organizations since routers log in with it.</summary>
    public string Code { get; private set; }

    public VoucherStatus Status { get; private set; }
    public VoucherSource Source { get; private set; }

    /// <summary>The purchase that paid for it, for <see cref="VoucherSource.Purchase"/>.</summary>
    public Guid? PurchaseId { get; private set; }

    /// <summary>Groups vouchers generated together for printing.</summary>
    public Guid? BatchId { get; private set; }

    /// <summary>Access time the voucher grants, copied from the plan when issued.</summary>
    public TimeSpan Duration { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? ActivatedAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    /// <summary>Issues the active voucher of a paid purchase, for the plan and duration that were bought.</summary>
    public static Voucher IssueForPurchase(Purchase purchase, string code, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        if (purchase.Status != PurchaseStatus.Paid)
            throw new DomainException(DomainErrorCodes.InvalidStateTransition, "Only a paid purchase issues a voucher.");
        var voucher = New(purchase.OrganizationId, purchase.PlanId, purchase.Duration, code, VoucherSource.Purchase, now);
        voucher.PurchaseId = purchase.Id;
        voucher.Activate(now);
        return voucher;
    }

    public static Voucher IssueUnused(Plan plan, string code, VoucherSource source, Guid? batchId, DateTime now)
    {
        if (source == VoucherSource.Purchase)
            throw DomainException.Validation("Purchase vouchers are issued by settling the purchase.");
        var voucher = New(plan.OrganizationId, plan.Id, plan.Duration, code, source, now);
        voucher.BatchId = batchId;
        return voucher;
    }

    /// <summary>Starts the voucher's time. Activating an active voucher changes nothing.</summary>
    public void Activate(DateTime now)
    {
        switch (Status)
        {
            case VoucherStatus.Active:
                return;
            case VoucherStatus.Unused:
                Status = VoucherStatus.Active;
                ActivatedAt = now;
                ExpiresAt = now + Duration;
                return;
            default:
                throw new DomainException(DomainErrorCodes.InvalidStateTransition, $"A voucher that is {Status} cannot be activated.");
        }
    }

    /// <summary>Revokes an unused or active voucher; revoking twice changes nothing.</summary>
    public void Revoke(DateTime now)
    {
        switch (Status)
        {
            case VoucherStatus.Revoked:
                return;
            case VoucherStatus.Expired:
                throw new DomainException(DomainErrorCodes.InvalidStateTransition, "An expired voucher cannot be revoked.");
            default:
                Status = VoucherStatus.Revoked;
                RevokedAt = now;
                return;
        }
    }

    /// <summary>Marks an active voucher expired once its time is up. Returns whether it changed.</summary>
    public bool ExpireIfDue(DateTime now)
    {
        if (Status != VoucherStatus.Active || ExpiresAt > now)
            return false;
        Status = VoucherStatus.Expired;
        return true;
    }

    public bool Matches(string? typedCode) => VoucherCode.Normalize(typedCode) == Code;

    public bool IsUsableAt(DateTime now) =>
        Status == VoucherStatus.Unused || (Status == VoucherStatus.Active && ExpiresAt > now);

    private static Voucher New(Guid organizationId, Guid planId, TimeSpan duration, string code, VoucherSource source, DateTime now)
    {
        var normalized = VoucherCode.Normalize(code);
        if (normalized.Length is < 6 or > 40)
            throw DomainException.Validation("A voucher code must have 6 to 40 characters.");
        return new Voucher
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            PlanId = planId,
            Code = normalized,
            Status = VoucherStatus.Unused,
            Source = source,
            Duration = duration,
            CreatedAt = now,
        };
    }
}
