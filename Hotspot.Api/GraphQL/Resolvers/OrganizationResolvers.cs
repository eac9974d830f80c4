using Hotspot.Api.Auth;
using Hotspot.Api.Payments;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Users;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;
using Hotspot.Storage.Radius;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The fields of <c>Organization</c> (id, name, paymentMethod and the dates are its properties). Every list re-checks
/// that the signed-in user may read the organization, whatever path led here.
/// </summary>
[ObjectType("Organization", typeof(Organization))]
public static class OrganizationResolvers
{
    public static PaymentMethodState MpesaState([Parent] Organization organization) => organization.StateOf(PaymentMethodType.Mpesa);

    public static PaymentMethodState KopokopoState([Parent] Organization organization) => organization.StateOf(PaymentMethodType.KopoKopo);

    public static MpesaConfigurationView? MpesaConfig([Parent] Organization organization, CallbackUrls urls) =>
        MpesaConfigurationView.Of(organization, urls);

    public static KopoKopoConfigurationView? KopokopoConfig([Parent] Organization organization, CallbackUrls urls) =>
        KopoKopoConfigurationView.Of(organization, urls);

    public static async Task<User[]> UsersAsync([Parent] Organization organization, CurrentUser user, ResolverContext context)
    {
        await user.RequireReadAsync(organization.Id, context.CancellationToken);
        return await DataLoaders.UsersByOrganization(context).LoadAsync(organization.Id) ?? [];
    }

    [UseConnection]
    public static async Task<IQueryable<Plan>> PlansAsync([Parent] Organization organization, CurrentUser user, HotspotDbContext db,
        CancellationToken cancellationToken)
    {
        await user.RequireReadAsync(organization.Id, cancellationToken);
        return db.Plans.AsNoTracking().Where(p => p.OrganizationId == organization.Id);
    }

    [UseConnection]
    public static async Task<IQueryable<Voucher>> VouchersAsync([Parent] Organization organization, CurrentUser user,
        HotspotDbContext db, CancellationToken cancellationToken)
    {
        await user.RequireReadAsync(organization.Id, cancellationToken);
        return db.Vouchers.AsNoTracking().Where(v => v.OrganizationId == organization.Id);
    }

    [UseConnection]
    public static async Task<IQueryable<Purchase>> PurchasesAsync([Parent] Organization organization, CurrentUser user,
        HotspotDbContext db, CancellationToken cancellationToken)
    {
        await user.RequireReadAsync(organization.Id, cancellationToken);
        return db.Purchases.AsNoTracking().Where(p => p.OrganizationId == organization.Id);
    }

    [UseConnection]
    public static async Task<IQueryable<MpesaTransaction>> MpesaTransactionsAsync([Parent] Organization organization,
        CurrentUser user, HotspotDbContext db, CancellationToken cancellationToken)
    {
        await user.RequireReadAsync(organization.Id, cancellationToken);
        return db.MpesaTransactions.AsNoTracking().Where(t => t.OrganizationId == organization.Id);
    }

    [UseConnection]
    public static async Task<IQueryable<KopoKopoTransaction>> KopokopoTransactionsAsync([Parent] Organization organization,
        CurrentUser user, HotspotDbContext db, CancellationToken cancellationToken)
    {
        await user.RequireReadAsync(organization.Id, cancellationToken);
        return db.KopoKopoTransactions.AsNoTracking().Where(t => t.OrganizationId == organization.Id);
    }

    /// <summary>Both providers' rows in review as one connection; the query pages itself (see <see cref="PaymentsInReviewQuery"/>).</summary>
    public static Task<object> PaymentsInReviewAsync([Parent] Organization organization, ResolverContext context) =>
        PaymentsInReviewQuery.ResolveAsync(organization, context);

    /// <summary>Reads <c>from</c> and <c>to</c> itself (see <see cref="DailyRevenueQuery"/>).</summary>
    public static Task<object> RevenueByDayAsync([Parent] Organization organization, ResolverContext context) =>
        DailyRevenueQuery.ResolveAsync(organization, context);

    public static async Task<IReadOnlyList<Router>> RoutersAsync([Parent] Organization organization, CurrentUser user,
        RouterRegistry routers, CancellationToken cancellationToken)
    {
        await user.RequireReadAsync(organization.Id, cancellationToken);
        return await routers.ListAsync(organization.Id, cancellationToken);
    }
}
