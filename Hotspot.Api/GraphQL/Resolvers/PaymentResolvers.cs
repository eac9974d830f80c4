using Hotspot.Api.Auth;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// What the <c>Payment</c> interface's implementations share: which one a value is, and its purchase, re-checking
/// membership like the organization's lists do.
/// </summary>
public static class PaymentResolvers
{
    /// <summary>The object type of a <c>Payment</c> value.</summary>
    public static string? TypeOf(object value, ResolverContext context) => value switch
    {
        MpesaTransaction => "MpesaTransaction",
        KopoKopoTransaction => "KopoKopoTransaction",
        _ => null,
    };

    public static async Task<Purchase?> PurchaseAsync(StoredCallback row, CurrentUser user, ResolverContext context)
    {
        if (row.PurchaseId is not { } id) return null;
        await user.RequireReadAsync(row.OrganizationId, context.CancellationToken);
        var purchase = await DataLoaders.Purchases(context).LoadAsync(id);
        return purchase?.OrganizationId == row.OrganizationId ? purchase : null;
    }
}
