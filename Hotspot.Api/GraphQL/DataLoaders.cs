using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Users;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
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
}
