using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>The plan and voucher of a <c>Purchase</c>, through data loaders; the other fields are its properties.</summary>
[ObjectType("Purchase", typeof(Purchase))]
public static class PurchaseResolvers
{
    public static Task<Plan?> PlanAsync([Parent] Purchase purchase, ResolverContext context) =>
        DataLoaders.Plans(context).LoadAsync(purchase.PlanId);

    public static Task<Voucher?> VoucherAsync([Parent] Purchase purchase, ResolverContext context) =>
        purchase.VoucherId is { } id ? DataLoaders.Vouchers(context).LoadAsync(id) : Task.FromResult<Voucher?>(null);
}
