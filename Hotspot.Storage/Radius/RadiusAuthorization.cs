using Hotspot.Domain.Devices;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.Radius;

/// <summary>Loads what <see cref="VoucherAuthorizer"/> needs for an Access-Request and applies its decision.</summary>
public sealed class RadiusAuthorization(IDbContextFactory<HotspotDbContext> contexts, TimeProvider clock, RadiusPolicy policy)
{
    /// <summary>How many of a device's newest paid purchases a MAC login looks at.</summary>
    private const int MacLoginCandidates = 5;

    public async Task<AccessOutcome> AuthorizeAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var router = await RouterRegistry.FindAsync(db, request.NasIdentifier, request.NasIpAddress, cancellationToken);
        if (router is null)
            return new AccessOutcome(null, AuthorizeDecision.Reject(AuthorizeDecision.NotValid), null);
        router.MarkSeen(now);
        await db.SaveChangesAsync(cancellationToken);

        var code = VoucherCode.Normalize(request.UserName);
        var voucher = code.Length == 0 ? null : await db.Vouchers.FirstOrDefaultAsync(v => v.Code == code, cancellationToken);
        if (voucher is not null && voucher.OrganizationId == router.OrganizationId)
            return await DecideAsync(db, router, voucher, request, now, cancellationToken);

        if (voucher is null && MacLogin.DeviceMac(request.UserName, request.CallingStationId) is { } mac)
            return await AuthorizeByMacAsync(db, router, mac, request, now, cancellationToken);
        return new AccessOutcome(router, AuthorizeDecision.Reject(AuthorizeDecision.NotValid), null) { UnknownCode = true };
    }

    /// <summary>
    /// A MAC login: the device's newest paid purchases at this organization, the first voucher that may go online
    /// wins, with the same limits as typing its code. A device that bought nothing gets "not valid", but is not
    /// counted as guessing codes.
    /// </summary>
    private async Task<AccessOutcome> AuthorizeByMacAsync(HotspotDbContext db, Domain.Radius.Router router, string mac, AccessRequest request,
        DateTime now, CancellationToken cancellationToken)
    {
        var voucherIds = await PaidVoucherIdsAsync(db, router.OrganizationId, mac, cancellationToken);
        var vouchers = await db.Vouchers.Where(v => voucherIds.Contains(v.Id) && v.OrganizationId == router.OrganizationId).ToListAsync(cancellationToken);
        AccessOutcome? newest = null;
        foreach (var voucher in voucherIds.Select(id => vouchers.FirstOrDefault(v => v.Id == id)).OfType<Voucher>())
        {
            var outcome = await DecideAsync(db, router, voucher, request, now, cancellationToken) with { MacLogin = true };
            if (outcome.Decision.Accepted)
                return outcome;
            newest ??= outcome;
        }
        return newest ?? new AccessOutcome(router, AuthorizeDecision.Reject(AuthorizeDecision.NotValid), null) { MacLogin = true };
    }

    /// <summary>Vouchers bought by purchases carrying the device's MAC at this organization, newest first.</summary>
    internal static async Task<List<Guid>> PaidVoucherIdsAsync(HotspotDbContext db, Guid organizationId, string mac, CancellationToken cancellationToken) =>
        (await db.Purchases.AsNoTracking()
            .Where(p => p.OrganizationId == organizationId && p.MacAddress == mac && p.Status == PurchaseStatus.Paid && p.VoucherId != null)
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => p.VoucherId)
            .Take(MacLoginCandidates)
            .ToListAsync(cancellationToken))
        .Select(id => id!.Value).ToList();

    private async Task<AccessOutcome> DecideAsync(HotspotDbContext db, Domain.Radius.Router router, Voucher voucher, AccessRequest request,
        DateTime now, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == voucher.PlanId && p.OrganizationId == voucher.OrganizationId, cancellationToken);
        await RadiusAccounting.CloseStaleAsync(db, voucher.Id, now - policy.StaleAfter, now, cancellationToken);
        var mac = MacAddress.Normalize(request.CallingStationId);
        var (bytesUsed, openMacs) = await LoadUsageAsync(db, voucher.Id, cancellationToken);

        var decision = VoucherAuthorizer.Decide(voucher, plan, router, bytesUsed, openMacs, mac, now);
        if (decision.Accepted && decision.ActivatesVoucher)
        {
            // Conditional, so a retransmitted or concurrent first login starts the time once.
            var expiresAt = now + voucher.Duration;
            await db.Vouchers
                .Where(v => v.Id == voucher.Id && v.Status == VoucherStatus.Unused)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(v => v.Status, VoucherStatus.Active)
                    .SetProperty(v => v.ActivatedAt, now)
                    .SetProperty(v => v.ExpiresAt, expiresAt), cancellationToken);
            await db.Entry(voucher).ReloadAsync(cancellationToken);
            decision = VoucherAuthorizer.Decide(voucher, plan, router, bytesUsed, openMacs, mac, now);
        }
        return new AccessOutcome(router, decision, decision.Accepted ? voucher.Code : null) { VoucherId = decision.Accepted ? voucher.Id : null };
    }

    private static async Task<(long BytesUsed, IReadOnlyCollection<string> OpenMacs)> LoadUsageAsync(
        HotspotDbContext db, Guid voucherId, CancellationToken cancellationToken)
    {
        var sessions = await db.RadiusSessions.AsNoTracking()
            .Where(s => s.VoucherId == voucherId)
            .Select(s => new { s.InputBytes, s.OutputBytes, s.StoppedAt, s.MacAddress, s.AcctSessionId })
            .ToListAsync(cancellationToken);
        var bytes = sessions.Sum(s => s.InputBytes + s.OutputBytes);
        // A session without a MAC counts as its own device.
        var open = sessions.Where(s => s.StoppedAt == null).Select(s => s.MacAddress ?? "session:" + s.AcctSessionId).ToList();
        return (bytes, open);
    }
}
