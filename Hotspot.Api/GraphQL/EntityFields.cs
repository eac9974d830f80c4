using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Users;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>The fields of the entity types and their connections; related entities come through data loaders.</summary>
public static class EntityFields
{
    public static ExecutableSchemaBuilder BindEntities(this ExecutableSchemaBuilder schema) => schema
        .Resolve<Plan>("Plan", "durationSeconds", (p, _) => (long)p.Duration.TotalSeconds)
        .PropertyBacked<Plan>("Plan")
        .Resolve<Voucher>("Voucher", "durationSeconds", (v, _) => (long)v.Duration.TotalSeconds)
        .ResolveAsync<Voucher, Plan?>("Voucher", "plan", (v, ctx) => DataLoaders.Plans(ctx).LoadAsync(v.PlanId))
        .ResolveAsync<Voucher, long>("Voucher", "bytesUsed", async (v, ctx) => (await UsageAsync(v, ctx)).BytesUsed)
        .ResolveAsync<Voucher, int>("Voucher", "devices", async (v, ctx) => (await UsageAsync(v, ctx)).Devices)
        .ResolveAsync<Voucher, object>("Voucher", "sessions", async (v, ctx) =>
        {
            await Resolve.User(ctx).RequireReadAsync(v.OrganizationId, ctx.CancellationToken);
            return await DataLoaders.SessionsByVoucher(ctx).LoadAsync(new VoucherKey(v.OrganizationId, v.Id)) ?? [];
        })
        .PropertyBacked<Voucher>("Voucher")
        .ResolveAsync<RadiusSession, Router?>("RadiusSession", "router", (s, ctx) => DataLoaders.Routers(ctx).LoadAsync(s.RouterId))
        .PropertyBacked<RadiusSession>("RadiusSession")
        .PropertyBacked<Router>("Router")
        .ResolveAsync<Purchase, Plan?>("Purchase", "plan", (p, ctx) => DataLoaders.Plans(ctx).LoadAsync(p.PlanId))
        .ResolveAsync<Purchase, Voucher?>("Purchase", "voucher", (p, ctx) =>
            p.VoucherId is { } id ? DataLoaders.Vouchers(ctx).LoadAsync(id) : Task.FromResult<Voucher?>(null))
        .PropertyBacked<Purchase>("Purchase")
        .PropertyBacked<MpesaTransaction>("MpesaTransaction")
        .Resolve<KopoKopoTransaction>("KopoKopoTransaction", "type", (t, _) => GraphQLEnums.Name(t.Type))
        .PropertyBacked<KopoKopoTransaction>("KopoKopoTransaction")
        .ResolveAsync<User, object?>("User", "organization", async (u, ctx) =>
        {
            if (u.OrganizationId is not { } id) return null;
            var viewer = await Resolve.User(ctx).GetAsync(ctx.CancellationToken);
            if (viewer is null || !viewer.CanRead(id)) return null;
            return await DataLoaders.Organizations(ctx).LoadAsync(id);
        })
        .PropertyBacked<User>("User")
        .PropertyBacked<PageInfo>("PageInfo")
        .Connection<Plan>("Plan")
        .Connection<Voucher>("Voucher")
        .Connection<Purchase>("Purchase")
        .Connection<MpesaTransaction>("MpesaTransaction")
        .Connection<KopoKopoTransaction>("KopoKopoTransaction");

    // Usage re-checks membership like the organization's lists do, whatever path led to the voucher.
    private static async Task<VoucherUsage> UsageAsync(Voucher voucher, Hotspot.GraphQL.Binding.ResolverContext ctx)
    {
        await Resolve.User(ctx).RequireReadAsync(voucher.OrganizationId, ctx.CancellationToken);
        return await DataLoaders.VoucherUsage(ctx).LoadAsync(new VoucherKey(voucher.OrganizationId, voucher.Id))
            ?? VoucherUsage.None(voucher.Id);
    }

    private static ExecutableSchemaBuilder Connection<T>(this ExecutableSchemaBuilder schema, string node) => schema
        .PropertyBacked<Connection<T>>(node + "Connection")
        .PropertyBacked<Edge<T>>(node + "Edge");
}
