using Hotspot.Domain.Plans;
using Hotspot.Domain.Vouchers;

namespace Hotspot.Domain.Radius;

/// <summary>
/// Decides whether a voucher may log in at a router, and with which limits. Pure: the caller loads the
/// voucher, its plan and its usage, and applies the decision (activating an unused voucher exactly once).
/// </summary>
public static class VoucherAuthorizer
{
    /// <param name="voucher">The voucher the code names, or null when no voucher has it.</param>
    /// <param name="plan">The voucher's plan (data cap, rates, device limit).</param>
    /// <param name="router">The router asking.</param>
    /// <param name="bytesUsed">Bytes used over all the voucher's sessions.</param>
    /// <param name="openSessionMacs">Devices (MAC addresses) with an open session on the voucher.</param>
    /// <param name="macAddress">The device logging in (Calling-Station-Id), if known.</param>
    public static AuthorizeDecision Decide(
        Voucher? voucher, Plan? plan, Router router, long bytesUsed,
        IReadOnlyCollection<string> openSessionMacs, string? macAddress, DateTime now)
    {
        // Another organization's voucher gets the same answer as a wrong code: it must not reveal that it exists.
        if (voucher is null || plan is null || voucher.OrganizationId != router.OrganizationId || plan.Id != voucher.PlanId)
            return AuthorizeDecision.Reject(AuthorizeDecision.NotValid);

        DateTime expiresAt;
        var activates = false;
        switch (voucher.Status)
        {
            case VoucherStatus.Revoked:
                return AuthorizeDecision.Reject(AuthorizeDecision.Revoked);
            case VoucherStatus.Expired:
                return AuthorizeDecision.Reject(AuthorizeDecision.Expired);
            case VoucherStatus.Unused:
                activates = true;
                expiresAt = now + voucher.Duration;
                break;
            case VoucherStatus.Active when voucher.ExpiresAt is { } end:
                expiresAt = end;
                break;
            default:
                return AuthorizeDecision.Reject(AuthorizeDecision.NotValid);
        }

        var secondsLeft = (long)Math.Floor((expiresAt - now).TotalSeconds);
        if (secondsLeft <= 0)
            return AuthorizeDecision.Reject(AuthorizeDecision.Expired);

        long? bytesLeft = null;
        if (plan.DataCapBytes is { } cap)
        {
            bytesLeft = cap - bytesUsed;
            if (bytesLeft <= 0)
                return AuthorizeDecision.Reject(AuthorizeDecision.DataUsedUp);
        }

        // A device that already has an open session may log in again (a re-login after roaming or a lost cookie).
        var otherDevices = openSessionMacs
            .Where(m => macAddress is null || !string.Equals(m, macAddress, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();
        if (otherDevices >= plan.MaxDevices)
            return AuthorizeDecision.Reject(AuthorizeDecision.DeviceLimitReached);

        return AuthorizeDecision.Accept(activates, secondsLeft, expiresAt, bytesLeft, plan.UploadRateKbps, plan.DownloadRateKbps);
    }
}
