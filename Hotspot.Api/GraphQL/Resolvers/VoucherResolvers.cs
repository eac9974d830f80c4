using Hotspot.Api.Auth;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>The fields of <c>Voucher</c> that are not its properties: its plan and its RADIUS usage, through data loaders.</summary>
[ObjectType("Voucher", typeof(Voucher))]
public static class VoucherResolvers
{
    public static long DurationSeconds([Parent] Voucher voucher) => (long)voucher.Duration.TotalSeconds;

    public static Task<Plan?> PlanAsync([Parent] Voucher voucher, ResolverContext context) =>
        DataLoaders.Plans(context).LoadAsync(voucher.PlanId);

    public static async Task<long> BytesUsedAsync([Parent] Voucher voucher, CurrentUser user, ResolverContext context) =>
        (await UsageAsync(voucher, user, context)).BytesUsed;

    public static async Task<int> DevicesAsync([Parent] Voucher voucher, CurrentUser user, ResolverContext context) =>
        (await UsageAsync(voucher, user, context)).Devices;

    public static async Task<RadiusSession[]> SessionsAsync([Parent] Voucher voucher, CurrentUser user, ResolverContext context)
    {
        await user.RequireReadAsync(voucher.OrganizationId, context.CancellationToken);
        return await DataLoaders.SessionsByVoucher(context).LoadAsync(new VoucherKey(voucher.OrganizationId, voucher.Id)) ?? [];
    }

    // Usage re-checks membership like the organization's lists do, whatever path led to the voucher.
    private static async Task<VoucherUsage> UsageAsync(Voucher voucher, CurrentUser user, ResolverContext context)
    {
        await user.RequireReadAsync(voucher.OrganizationId, context.CancellationToken);
        return await DataLoaders.VoucherUsage(context).LoadAsync(new VoucherKey(voucher.OrganizationId, voucher.Id))
            ?? VoucherUsage.None(voucher.Id);
    }
}
