using Hotspot.Api.Auth;
using Hotspot.Api.Payments;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>The <c>Payment</c> fields of <c>MpesaTransaction</c>; the fields it already had are its properties.</summary>
[ObjectType("MpesaTransaction", typeof(MpesaTransaction))]
public static class MpesaTransactionResolvers
{
    public static PaymentMethodType Provider() => PaymentMethodType.Mpesa;

    public static string Currency() => StoredPayment.Shillings;

    public static string? Receipt([Parent] MpesaTransaction transaction) => transaction.ReceiptNumber;

    public static Task<Purchase?> PurchaseAsync([Parent] MpesaTransaction transaction, CurrentUser user, ResolverContext context) =>
        PaymentResolvers.PurchaseAsync(transaction, user, context);

    public static PaymentResolution? Resolution([Parent] MpesaTransaction transaction) => PaymentResolution.Of(transaction);
}
