using Hotspot.Domain.Radius;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.Radius;

/// <summary>Usage of vouchers (bytes, sessions, devices) from their RADIUS sessions, for the admin GraphQL.</summary>
public sealed class VoucherUsageQuery(IDbContextFactory<HotspotDbContext> contexts)
{
    /// <summary>Usage of the organization's given vouchers; vouchers without sessions get zero usage.</summary>
    public async Task<IReadOnlyDictionary<Guid, VoucherUsage>> ForVouchersAsync(Guid organizationId, IReadOnlyCollection<Guid> voucherIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sessions = await db.RadiusSessions.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && voucherIds.Contains(s.VoucherId))
            .Select(s => new { s.VoucherId, s.InputBytes, s.OutputBytes, s.MacAddress, s.StoppedAt })
            .ToListAsync(cancellationToken);
        var byVoucher = sessions.ToLookup(s => s.VoucherId);
        return voucherIds.Distinct().ToDictionary(id => id, id =>
        {
            var list = byVoucher[id].ToList();
            return new VoucherUsage(
                id,
                list.Sum(s => s.InputBytes + s.OutputBytes),
                list.Count,
                list.Where(s => s.MacAddress != null).Select(s => s.MacAddress).Distinct().Count(),
                list.Count(s => s.StoppedAt == null));
        });
    }

    public async Task<VoucherUsage> ForVoucherAsync(Guid organizationId, Guid voucherId, CancellationToken cancellationToken) =>
        (await ForVouchersAsync(organizationId, [voucherId], cancellationToken))[voucherId];

    /// <summary>The voucher's sessions, newest first, for an admin looking into "I paid but I'm offline".</summary>
    public async Task<IReadOnlyList<RadiusSession>> SessionsAsync(Guid organizationId, Guid voucherId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RadiusSessions.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && s.VoucherId == voucherId)
            .OrderByDescending(s => s.StartedAt)
            .ToListAsync(cancellationToken);
    }
}
