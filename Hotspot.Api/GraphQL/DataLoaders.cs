using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Users;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Hotspot.Storage.Radius;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>Per-request batch loaders, so a page of items costs one query per related type, not one per item.</summary>
public static class DataLoaders
{
    public static DataLoader<Guid, Plan> Plans(ResolverContext ctx) =>
        ctx.DataLoader<Guid, Plan>("plans", async (ids, cancellationToken) =>
        {
            await using var db = await Resolve.DatabaseAsync(ctx);
            var plans = await db.Plans.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
            return plans.ToDictionary(p => p.Id);
        });

    public static DataLoader<Guid, Voucher> Vouchers(ResolverContext ctx) =>
        ctx.DataLoader<Guid, Voucher>("vouchers", async (ids, cancellationToken) =>
        {
            await using var db = await Resolve.DatabaseAsync(ctx);
            var vouchers = await db.Vouchers.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(cancellationToken);
            return vouchers.ToDictionary(v => v.Id);
        });

    public static DataLoader<Guid, Purchase> Purchases(ResolverContext ctx) =>
        ctx.DataLoader<Guid, Purchase>("purchases", async (ids, cancellationToken) =>
        {
            await using var db = await Resolve.DatabaseAsync(ctx);
            var purchases = await db.Purchases.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
            return purchases.ToDictionary(p => p.Id);
        });

    public static DataLoader<Guid, Organization> Organizations(ResolverContext ctx) =>
        ctx.DataLoader<Guid, Organization>("organizations", async (ids, cancellationToken) =>
        {
            await using var db = await Resolve.DatabaseAsync(ctx);
            var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
            return organizations.ToDictionary(o => o.Id);
        });

    public static DataLoader<Guid, User[]> UsersByOrganization(ResolverContext ctx) =>
        ctx.DataLoader<Guid, User[]>("usersByOrganization", async (ids, cancellationToken) =>
        {
            await using var db = await Resolve.DatabaseAsync(ctx);
            var users = await db.Users.AsNoTracking().Where(u => u.OrganizationId != null && ids.Contains(u.OrganizationId.Value))
                .OrderBy(u => u.Email).ToListAsync(cancellationToken);
            return users.GroupBy(u => u.OrganizationId!.Value).ToDictionary(g => g.Key, g => g.ToArray());
        });

    public static DataLoader<Guid, Router> Routers(ResolverContext ctx) =>
        ctx.DataLoader<Guid, Router>("routers", async (ids, cancellationToken) =>
        {
            await using var db = await Resolve.DatabaseAsync(ctx);
            var routers = await db.Routers.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
            return routers.ToDictionary(r => r.Id);
        });

    /// <summary>RADIUS usage of a page of vouchers: one query per organization in the batch (normally one).</summary>
    public static DataLoader<VoucherKey, VoucherUsage> VoucherUsage(ResolverContext ctx) =>
        ctx.DataLoader<VoucherKey, VoucherUsage>("voucherUsage", async (keys, cancellationToken) =>
        {
            var usages = new Dictionary<VoucherKey, VoucherUsage>();
            foreach (var organization in keys.GroupBy(k => k.OrganizationId))
            {
                var found = await ctx.Service<VoucherUsageQuery>().ForVouchersAsync(
                    organization.Key, organization.Select(k => k.VoucherId).ToList(), cancellationToken);
                foreach (var (voucherId, usage) in found)
                    usages[new VoucherKey(organization.Key, voucherId)] = usage;
            }
            return usages;
        });

    /// <summary>The RADIUS sessions of a page of vouchers, newest first, in one query.</summary>
    public static DataLoader<VoucherKey, RadiusSession[]> SessionsByVoucher(ResolverContext ctx) =>
        ctx.DataLoader<VoucherKey, RadiusSession[]>("sessionsByVoucher", async (keys, cancellationToken) =>
        {
            var voucherIds = keys.Select(k => k.VoucherId).Distinct().ToList();
            await using var db = await Resolve.DatabaseAsync(ctx);
            var sessions = await db.RadiusSessions.AsNoTracking().Where(s => voucherIds.Contains(s.VoucherId)).ToListAsync(cancellationToken);
            // The organization is part of the key, so a session is only ever shown under its own organization's voucher.
            var byKey = sessions.GroupBy(s => new VoucherKey(s.OrganizationId, s.VoucherId))
                .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.StartedAt).ToArray());
            return keys.Distinct().ToDictionary(k => k, k => byKey.GetValueOrDefault(k) ?? []);
        });
}

/// <summary>A voucher and its organization: usage is always read within the voucher's own organization.</summary>
public readonly record struct VoucherKey(Guid OrganizationId, Guid VoucherId);
