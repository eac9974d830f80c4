using Hotspot.Api.Events;
using Hotspot.Api.Payments;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The object types whose every field is a property of the CLR type beside it (checked at start-up): configuration
/// views, payloads, connections and edges.
/// </summary>
[ObjectType("MpesaConfiguration", typeof(MpesaConfigurationView))]
[ObjectType("KopoKopoConfiguration", typeof(KopoKopoConfigurationView))]
[ObjectType("KopoKopoCallbackUrl", typeof(KopoKopoCallbackUrl))]
[ObjectType("WebhookSubscription", typeof(WebhookSubscription))]
[ObjectType("DailyRevenue", typeof(DailyRevenue))]
[ObjectType("Router", typeof(Router))]
[ObjectType("RouterSessionEvent", typeof(RouterSessionEvent))]
[ObjectType("LoginPayload", typeof(LoginPayload))]
[ObjectType("SetPaymentMethodPayload", typeof(PaymentAdministration.MethodChange))]
[ObjectType("CredentialTestResult", typeof(PaymentAdministration.CredentialTest))]
[ObjectType("GenerateVouchersPayload", typeof(GenerateVouchersPayload))]
[ObjectType("PayoutPayload", typeof(PaymentAdministration.Payout))]
[ObjectType("RemoveRouterPayload", typeof(RemoveRouterPayload))]
[ObjectType("ResolvePaymentPayload", typeof(PaymentResolutions.Outcome))]
[ObjectType("PageInfo", typeof(PageInfo))]
[ObjectType("PlanConnection", typeof(Connection<Plan>))]
[ObjectType("PlanEdge", typeof(Edge<Plan>))]
[ObjectType("VoucherConnection", typeof(Connection<Voucher>))]
[ObjectType("VoucherEdge", typeof(Edge<Voucher>))]
[ObjectType("PurchaseConnection", typeof(Connection<Purchase>))]
[ObjectType("PurchaseEdge", typeof(Edge<Purchase>))]
[ObjectType("MpesaTransactionConnection", typeof(Connection<MpesaTransaction>))]
[ObjectType("MpesaTransactionEdge", typeof(Edge<MpesaTransaction>))]
[ObjectType("KopoKopoTransactionConnection", typeof(Connection<KopoKopoTransaction>))]
[ObjectType("KopoKopoTransactionEdge", typeof(Edge<KopoKopoTransaction>))]
[ObjectType("PaymentConnection", typeof(Connection<StoredCallback>))]
[ObjectType("PaymentEdge", typeof(Edge<StoredCallback>))]
public static class PropertyBackedTypes;
