using Hotspot.Domain.Organizations;

namespace Hotspot.Storage.Settlement;

/// <summary>
/// A provider's confirmation that money arrived for a purchase.
/// </summary>
/// <param name="Transaction">The stored callback row that carried it, updated in the same transaction.</param>
public sealed record SettlementRequest(
    Guid OrganizationId,
    Guid PurchaseId,
    long AmountKes,
    string? Receipt,
    SettlementTransaction? Transaction = null);

/// <summary>Points at the row of <c>isp_mpesa_transactions</c> or <c>isp_kopokopo_transactions</c> behind a settlement.</summary>
public sealed record SettlementTransaction(PaymentMethodType Provider, Guid TransactionId);
