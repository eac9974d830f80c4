using Hotspot.Api.Payments;
using Hotspot.Domain.Organizations;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage.Radius;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The fields of <c>Organization</c> and its configuration types. Every list re-checks that the signed-in user may
/// read the organization, whatever path led here.
/// </summary>
public static class OrganizationFields
{
    public static ExecutableSchemaBuilder BindOrganization(this ExecutableSchemaBuilder schema) => schema
        .PropertyBacked("Organization", "id", "name", "paymentMethod", "createdAt", "updatedAt")
        .Resolve<Organization>("Organization", "mpesaState", (o, _) => o.StateOf(PaymentMethodType.Mpesa))
        .Resolve<Organization>("Organization", "kopokopoState", (o, _) => o.StateOf(PaymentMethodType.KopoKopo))
        .Resolve<Organization>("Organization", "mpesaConfig", (o, ctx) => MpesaConfigurationView.Of(o, ctx.Service<CallbackUrls>()))
        .Resolve<Organization>("Organization", "kopokopoConfig", (o, ctx) => KopoKopoConfigurationView.Of(o, ctx.Service<CallbackUrls>()))
        .ResolveAsync<Organization, object>("Organization", "users", async (o, ctx) =>
        {
            await Resolve.User(ctx).RequireReadAsync(o.Id, ctx.CancellationToken);
            return await DataLoaders.UsersByOrganization(ctx).LoadAsync(o.Id) ?? [];
        })
        .ResolveAsync<Organization, object>("Organization", "plans", async (o, ctx) =>
        {
            await Resolve.User(ctx).RequireReadAsync(o.Id, ctx.CancellationToken);
            await using var db = await Resolve.DatabaseAsync(ctx);
            var query = EntityFilters.Plans.Where(db.Plans.AsNoTracking().Where(p => p.OrganizationId == o.Id), ctx.ArgumentOrDefault<object?>("where", null));
            return await ConnectionPager.PageAsync(EntityFilters.Plans.Order(query, ctx.ArgumentOrDefault<object?>("order", null)), ctx);
        })
        .ResolveAsync<Organization, object>("Organization", "vouchers", async (o, ctx) =>
        {
            await Resolve.User(ctx).RequireReadAsync(o.Id, ctx.CancellationToken);
            await using var db = await Resolve.DatabaseAsync(ctx);
            var query = EntityFilters.Vouchers.Where(db.Vouchers.AsNoTracking().Where(v => v.OrganizationId == o.Id), ctx.ArgumentOrDefault<object?>("where", null));
            return await ConnectionPager.PageAsync(EntityFilters.Vouchers.Order(query, ctx.ArgumentOrDefault<object?>("order", null)), ctx);
        })
        .ResolveAsync<Organization, object>("Organization", "purchases", async (o, ctx) =>
        {
            await Resolve.User(ctx).RequireReadAsync(o.Id, ctx.CancellationToken);
            await using var db = await Resolve.DatabaseAsync(ctx);
            var query = EntityFilters.Purchases.Where(db.Purchases.AsNoTracking().Where(p => p.OrganizationId == o.Id), ctx.ArgumentOrDefault<object?>("where", null));
            return await ConnectionPager.PageAsync(EntityFilters.Purchases.Order(query, ctx.ArgumentOrDefault<object?>("order", null)), ctx);
        })
        .ResolveAsync<Organization, object>("Organization", "mpesaTransactions", async (o, ctx) =>
        {
            await Resolve.User(ctx).RequireReadAsync(o.Id, ctx.CancellationToken);
            await using var db = await Resolve.DatabaseAsync(ctx);
            var query = EntityFilters.MpesaTransactions.Where(db.MpesaTransactions.AsNoTracking().Where(t => t.OrganizationId == o.Id), ctx.ArgumentOrDefault<object?>("where", null));
            return await ConnectionPager.PageAsync(EntityFilters.MpesaTransactions.Order(query, ctx.ArgumentOrDefault<object?>("order", null)), ctx);
        })
        .ResolveAsync<Organization, object>("Organization", "kopokopoTransactions", async (o, ctx) =>
        {
            await Resolve.User(ctx).RequireReadAsync(o.Id, ctx.CancellationToken);
            await using var db = await Resolve.DatabaseAsync(ctx);
            var query = EntityFilters.KopoKopoTransactions.Where(db.KopoKopoTransactions.AsNoTracking().Where(t => t.OrganizationId == o.Id), ctx.ArgumentOrDefault<object?>("where", null));
            return await ConnectionPager.PageAsync(EntityFilters.KopoKopoTransactions.Order(query, ctx.ArgumentOrDefault<object?>("order", null)), ctx);
        })
        .ResolveAsync<Organization, object>("Organization", "paymentsInReview", PaymentsInReviewQuery.ResolveAsync)
        .ResolveAsync<Organization, object>("Organization", "revenueByDay", DailyRevenueQuery.ResolveAsync)
        .ResolveAsync<Organization, object>("Organization", "routers", async (o, ctx) =>
        {
            await Resolve.User(ctx).RequireReadAsync(o.Id, ctx.CancellationToken);
            return await ctx.Service<RouterRegistry>().ListAsync(o.Id, ctx.CancellationToken);
        })
        .PropertyBacked<MpesaConfigurationView>("MpesaConfiguration")
        .PropertyBacked<KopoKopoConfigurationView>("KopoKopoConfiguration")
        .PropertyBacked<KopoKopoCallbackUrl>("KopoKopoCallbackUrl")
        .PropertyBacked<WebhookSubscription>("WebhookSubscription")
        .PropertyBacked<DailyRevenue>("DailyRevenue");
}
