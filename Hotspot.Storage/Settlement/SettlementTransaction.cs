using Hotspot.Domain.Organizations;

namespace Hotspot.Storage.Settlement;

/// <summary>Points at the row of <c>isp_mpesa_transactions</c> or <c>isp_kopokopo_transactions</c> behind a settlement.</summary>
public sealed record SettlementTransaction(PaymentMethodType Provider, Guid TransactionId);
