using Hotspot.Api.Auth;
using Hotspot.Api.Payments;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>The <c>Payment</c> fields of <c>KopoKopoTransaction</c> and its type's contract name; the rest are its properties.</summary>
[ObjectType("KopoKopoTransaction", typeof(KopoKopoTransaction))]
public static class KopoKopoTransactionResolvers
{
    public static string Type([Parent] KopoKopoTransaction transaction) => GraphQLEnums.Name(transaction.Type);

    public static PaymentMethodType Provider() => PaymentMethodType.KopoKopo;

    public static string? Receipt([Parent] KopoKopoTransaction transaction) => transaction.Reference;

    public static Task<Purchase?> PurchaseAsync([Parent] KopoKopoTransaction transaction, CurrentUser user, ResolverContext context) =>
        PaymentResolvers.PurchaseAsync(transaction, user, context);

    public static PaymentResolution? Resolution([Parent] KopoKopoTransaction transaction) => PaymentResolution.Of(transaction);
}
