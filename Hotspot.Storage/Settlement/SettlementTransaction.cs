using Hotspot.Domain.Organizations;
using Hotspot.Domain.Transactions;

namespace Hotspot.Storage.Settlement;

/// <summary>
/// Points at the row of <c>isp_mpesa_transactions</c> or <c>isp_kopokopo_transactions</c> behind a settlement.
/// A callback that has just stored its row passes the row itself, so marking it costs no second read.
/// </summary>
public sealed record SettlementTransaction(PaymentMethodType Provider, Guid TransactionId)
{
    public StoredCallback? StoredRow { get; private init; }

    public static SettlementTransaction Stored(MpesaTransaction row) => new(PaymentMethodType.Mpesa, row.Id) { StoredRow = row };

    public static SettlementTransaction Stored(KopoKopoTransaction row) => new(PaymentMethodType.KopoKopo, row.Id) { StoredRow = row };
}
