using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The fields of each <c>XFilterInput</c>/<c>XSortInput</c> of schema.graphql and the members they read, and each
/// connection's default order (newest first).
/// </summary>
public static class EntityFilters
{
    public static readonly QueryFilter<Plan> Plans = new(new Dictionary<string, FilterField>
    {
        ["id"] = FilterField.Of<Plan, Guid>(p => p.Id, FilterKind.Id),
        ["name"] = FilterField.Of<Plan, string>(p => p.Name, FilterKind.String),
        ["priceKes"] = FilterField.Of<Plan, long>(p => p.PriceKes, FilterKind.Long),
        ["isActive"] = FilterField.Of<Plan, bool>(p => p.IsActive, FilterKind.Boolean),
        ["createdAt"] = FilterField.Of<Plan, DateTime>(p => p.CreatedAt, FilterKind.DateTime),
    }, p => p.Id, defaultOrder: "createdAt", defaultDescending: true);

    public static readonly QueryFilter<Voucher> Vouchers = new(new Dictionary<string, FilterField>
    {
        ["id"] = FilterField.Of<Voucher, Guid>(v => v.Id, FilterKind.Id),
        ["code"] = FilterField.Of<Voucher, string>(v => v.Code, FilterKind.String),
        ["status"] = FilterField.Of<Voucher, VoucherStatus>(v => v.Status, FilterKind.Enum, GraphQLEnums.Parser<VoucherStatus>()),
        ["source"] = FilterField.Of<Voucher, VoucherSource>(v => v.Source, FilterKind.Enum, GraphQLEnums.Parser<VoucherSource>()),
        ["planId"] = FilterField.Of<Voucher, Guid>(v => v.PlanId, FilterKind.Id),
        ["batchId"] = FilterField.Of<Voucher, Guid?>(v => v.BatchId, FilterKind.Id),
        ["createdAt"] = FilterField.Of<Voucher, DateTime>(v => v.CreatedAt, FilterKind.DateTime),
        ["expiresAt"] = FilterField.Of<Voucher, DateTime?>(v => v.ExpiresAt, FilterKind.DateTime),
    }, v => v.Id, defaultOrder: "createdAt", defaultDescending: true, countedTable: "vouchers");

    public static readonly QueryFilter<Purchase> Purchases = new(new Dictionary<string, FilterField>
    {
        ["id"] = FilterField.Of<Purchase, Guid>(p => p.Id, FilterKind.Id),
        ["phoneNumber"] = FilterField.Of<Purchase, string>(p => p.PhoneNumber, FilterKind.String),
        ["status"] = FilterField.Of<Purchase, PurchaseStatus>(p => p.Status, FilterKind.Enum, GraphQLEnums.Parser<PurchaseStatus>()),
        ["paymentMethod"] = FilterField.Of<Purchase, PaymentMethodType>(p => p.PaymentMethod, FilterKind.Enum, GraphQLEnums.Parser<PaymentMethodType>()),
        ["amountKes"] = FilterField.Of<Purchase, long>(p => p.AmountKes, FilterKind.Long),
        ["planId"] = FilterField.Of<Purchase, Guid>(p => p.PlanId, FilterKind.Id),
        ["providerReceipt"] = FilterField.Of<Purchase, string?>(p => p.ProviderReceipt, FilterKind.String),
        ["createdAt"] = FilterField.Of<Purchase, DateTime>(p => p.CreatedAt, FilterKind.DateTime),
        ["paidAt"] = FilterField.Of<Purchase, DateTime?>(p => p.PaidAt, FilterKind.DateTime),
    }, p => p.Id, defaultOrder: "createdAt", defaultDescending: true, countedTable: "purchases");

    public static readonly QueryFilter<MpesaTransaction> MpesaTransactions = new(new Dictionary<string, FilterField>
    {
        ["kind"] = FilterField.Of<MpesaTransaction, MpesaTransactionKind>(t => t.Kind, FilterKind.Enum, GraphQLEnums.Parser<MpesaTransactionKind>()),
        ["status"] = FilterField.Of<MpesaTransaction, CallbackStatus>(t => t.Status, FilterKind.Enum, GraphQLEnums.Parser<CallbackStatus>()),
        ["receiptNumber"] = FilterField.Of<MpesaTransaction, string?>(t => t.ReceiptNumber, FilterKind.String),
        ["phoneNumber"] = FilterField.Of<MpesaTransaction, string?>(t => t.PhoneNumber, FilterKind.String),
        ["amountKes"] = FilterField.Of<MpesaTransaction, long?>(t => t.AmountKes, FilterKind.Long),
        ["receivedAt"] = FilterField.Of<MpesaTransaction, DateTime>(t => t.ReceivedAt, FilterKind.DateTime),
    }, t => t.Id, defaultOrder: "receivedAt", defaultDescending: true, countedTable: "isp_mpesa_transactions");

    public static readonly QueryFilter<KopoKopoTransaction> KopoKopoTransactions = new(new Dictionary<string, FilterField>
    {
        ["type"] = FilterField.Of<KopoKopoTransaction, KopoKopoTransactionType>(t => t.Type, FilterKind.Enum, GraphQLEnums.ParseKopoKopoType),
        ["status"] = FilterField.Of<KopoKopoTransaction, CallbackStatus>(t => t.Status, FilterKind.Enum, GraphQLEnums.Parser<CallbackStatus>()),
        ["reference"] = FilterField.Of<KopoKopoTransaction, string?>(t => t.Reference, FilterKind.String),
        ["phoneNumber"] = FilterField.Of<KopoKopoTransaction, string?>(t => t.PhoneNumber, FilterKind.String),
        ["amountKes"] = FilterField.Of<KopoKopoTransaction, long?>(t => t.AmountKes, FilterKind.Long),
        ["receivedAt"] = FilterField.Of<KopoKopoTransaction, DateTime>(t => t.ReceivedAt, FilterKind.DateTime),
    }, t => t.Id, defaultOrder: "receivedAt", defaultDescending: true, countedTable: "isp_kopokopo_transactions");
}
