using Hotspot.Domain.Devices;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.Radius;

/// <summary>
/// Keeps <c>radius_sessions</c> in step with the routers' accounting: one row per (router, Acct-Session-Id)
/// holding the latest cumulative counters, closed on Stop, on Accounting-On/Off of its router, or when silent.
/// </summary>
public sealed class RadiusAccounting(IDbContextFactory<HotspotDbContext> contexts, TimeProvider clock, RadiusPolicy policy)
{
    public const string StaleCause = "Stale";

    public async Task<AccountingResult> RecordAsync(AccountingRequest request, CancellationToken cancellationToken)
    {
        // Two reports of one new session racing to insert: the loser retries and updates the winner's row.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await RecordOnceAsync(request, cancellationToken);
            }
            catch (DbUpdateException e) when (attempt == 0 && DatabaseErrors.IsUniqueViolation(e))
            {
            }
        }
    }

    private async Task<AccountingResult> RecordOnceAsync(AccountingRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var router = await RouterRegistry.FindAsync(db, request.NasIdentifier, request.NasIpAddress, cancellationToken);
        if (router is null)
            return AccountingResult.UnknownRouter;
        router.MarkSeen(now);

        if (request.Status is AccountingStatus.AccountingOn or AccountingStatus.AccountingOff)
        {
            var open = await db.RadiusSessions.Where(s => s.RouterId == router.Id && s.StoppedAt == null).ToListAsync(cancellationToken);
            foreach (var session in open)
                session.Stop(request.Status == AccountingStatus.AccountingOn ? "NAS-Reboot" : "NAS-Request", now);
            await db.SaveChangesAsync(cancellationToken);
            return AccountingResult.Recorded;
        }

        if (string.IsNullOrWhiteSpace(request.AcctSessionId))
        {
            await db.SaveChangesAsync(cancellationToken);
            return AccountingResult.Ignored;
        }
        var sessionId = request.AcctSessionId.Trim();
        var existing = await db.RadiusSessions.FirstOrDefaultAsync(s => s.RouterId == router.Id && s.AcctSessionId == sessionId, cancellationToken);
        if (existing is null)
        {
            var voucherId = await VoucherOfAsync(db, router.OrganizationId, request, cancellationToken);
            if (voucherId is null)
            {
                await db.SaveChangesAsync(cancellationToken);
                return AccountingResult.Ignored;
            }
            existing = RadiusSession.Start(router, voucherId.Value, sessionId,
                MacAddress.Normalize(request.CallingStationId), request.FramedIpAddress, now);
            db.RadiusSessions.Add(existing);
        }

        existing.Report(request.Counters, now);
        if (request.Status == AccountingStatus.Stop)
            existing.Stop(request.TerminateCause, now);
        await db.SaveChangesAsync(cancellationToken);
        return AccountingResult.Recorded;
    }

    /// <summary>
    /// The voucher a new session is accounted to: the one the Access-Accept named in Class, else the code in
    /// User-Name, else (a MAC login whose router dropped Class) the device's newest paid voucher.
    /// </summary>
    private static async Task<Guid?> VoucherOfAsync(HotspotDbContext db, Guid organizationId, AccountingRequest request, CancellationToken cancellationToken)
    {
        if (SessionClass.VoucherId(request.Class) is { } named &&
            await db.Vouchers.AnyAsync(v => v.Id == named && v.OrganizationId == organizationId, cancellationToken))
            return named;
        var code = VoucherCode.Normalize(request.UserName);
        var byCode = code.Length == 0
            ? null
            : await db.Vouchers.Where(v => v.Code == code && v.OrganizationId == organizationId)
                .Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
        if (byCode is not null)
            return byCode;
        if (MacLogin.DeviceMac(request.UserName, request.CallingStationId) is { } mac)
            return (await RadiusAuthorization.PaidVoucherIdsAsync(db, organizationId, mac, cancellationToken)).Cast<Guid?>().FirstOrDefault();
        return null;
    }

    /// <summary>Closes every open session that has been silent longer than the policy allows; returns how many.</summary>
    public async Task<int> CloseStaleSessionsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CloseStaleAsync(db, null, now - policy.StaleAfter, now, cancellationToken);
    }

    internal static async Task<int> CloseStaleAsync(HotspotDbContext db, Guid? voucherId, DateTime silentSince, DateTime now, CancellationToken cancellationToken)
    {
        var query = db.RadiusSessions.Where(s => s.StoppedAt == null && s.LastUpdateAt < silentSince);
        if (voucherId is not null)
            query = query.Where(s => s.VoucherId == voucherId);
        var stale = await query.ToListAsync(cancellationToken);
        foreach (var session in stale)
            session.Stop(StaleCause, now);
        await db.SaveChangesAsync(cancellationToken);
        return stale.Count;
    }
}
