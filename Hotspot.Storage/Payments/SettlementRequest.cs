using Hotspot.Domain.Payments;

namespace Hotspot.Storage.Payments;

/// <summary>
/// A provider's confirmation that money arrived for a purchase.
/// </summary>
/// <param name="Callback">The stored callback that carried it, updated in the same transaction.</param>
/// <param name="Currency">As the provider wrote it; anything but KES settles nothing.</param>
public sealed record SettlementRequest(
    PurchaseKey Purchase,
    long AmountKes,
    string? Receipt,
    StoredCallbackReference? Callback = null,
    string Currency = Currencies.Kes)
{
    public Guid OrganizationId => Purchase.OrganizationId;
}
