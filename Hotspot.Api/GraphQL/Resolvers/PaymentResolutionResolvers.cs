using Hotspot.Api.Payments;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>The voucher a review decision issued, through a data loader; the other fields are its properties.</summary>
[ObjectType("PaymentResolution", typeof(PaymentResolution))]
public static class PaymentResolutionResolvers
{
    public static Task<Voucher?> VoucherAsync([Parent] PaymentResolution resolution, ResolverContext context) =>
        resolution.VoucherId is { } id ? DataLoaders.Vouchers(context).LoadAsync(id) : Task.FromResult<Voucher?>(null);
}
