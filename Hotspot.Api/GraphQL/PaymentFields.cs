using Hotspot.Api.Payments;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The <c>Payment</c> interface's fields on <c>MpesaTransaction</c> and <c>KopoKopoTransaction</c> (the fields both
/// already had stay property-backed), <c>PaymentResolution</c>, and the payment connection types.
/// </summary>
public static class PaymentFields
{
    public static ExecutableSchemaBuilder BindPayments(this ExecutableSchemaBuilder schema) => schema
        .ResolveType("Payment", (value, _) => value switch
        {
            MpesaTransaction => "MpesaTransaction",
            KopoKopoTransaction => "KopoKopoTransaction",
            _ => null,
        })
        .Resolve<MpesaTransaction>("MpesaTransaction", "provider", (_, _) => PaymentMethodType.Mpesa)
        .Resolve<MpesaTransaction>("MpesaTransaction", "currency", (_, _) => StoredPayment.Shillings)
        .Resolve<MpesaTransaction>("MpesaTransaction", "receipt", (t, _) => t.ReceiptNumber)
        .ResolveAsync<MpesaTransaction, Purchase?>("MpesaTransaction", "purchase", PurchaseAsync)
        .Resolve<MpesaTransaction>("MpesaTransaction", "resolution", (t, _) => PaymentResolution.Of(t))
        .Resolve<KopoKopoTransaction>("KopoKopoTransaction", "provider", (_, _) => PaymentMethodType.KopoKopo)
        .Resolve<KopoKopoTransaction>("KopoKopoTransaction", "receipt", (t, _) => t.Reference)
        .ResolveAsync<KopoKopoTransaction, Purchase?>("KopoKopoTransaction", "purchase", PurchaseAsync)
        .Resolve<KopoKopoTransaction>("KopoKopoTransaction", "resolution", (t, _) => PaymentResolution.Of(t))
        .ResolveAsync<PaymentResolution, Voucher?>("PaymentResolution", "voucher", (r, ctx) =>
            r.VoucherId is { } id ? DataLoaders.Vouchers(ctx).LoadAsync(id) : Task.FromResult<Voucher?>(null))
        .PropertyBacked<PaymentResolution>("PaymentResolution")
        .PropertyBacked<Connection<StoredCallback>>("PaymentConnection")
        .PropertyBacked<Edge<StoredCallback>>("PaymentEdge");

    // The purchase of a row of this organization; re-checks membership like the organization's lists do.
    private static async Task<Purchase?> PurchaseAsync(StoredCallback row, ResolverContext ctx)
    {
        if (row.PurchaseId is not { } id) return null;
        await Resolve.User(ctx).RequireReadAsync(row.OrganizationId, ctx.CancellationToken);
        var purchase = await DataLoaders.Purchases(ctx).LoadAsync(id);
        return purchase?.OrganizationId == row.OrganizationId ? purchase : null;
    }
}
