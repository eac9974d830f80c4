using Hotspot.Domain.Purchases;

namespace Hotspot.Storage.Payments;

/// <summary>
/// Which purchase of an organization a provider's answer is about: by our id (the reconciler knows it), or by
/// the provider's request id (a callback carries only that), so a callback finds and settles its purchase in one read.
/// </summary>
public sealed record PurchaseKey(Guid OrganizationId, Guid? PurchaseId, string? ProviderRequestId)
{
    public static PurchaseKey ById(Guid organizationId, Guid purchaseId) => new(organizationId, purchaseId, null);

    public static PurchaseKey ByProviderRequestId(Guid organizationId, string providerRequestId) => new(organizationId, null, providerRequestId);

    /// <summary>The organization's purchase with this key; never another organization's.</summary>
    public IQueryable<Purchase> Find(IQueryable<Purchase> purchases) =>
        PurchaseId is { } id
            ? purchases.Where(p => p.Id == id && p.OrganizationId == OrganizationId)
            : purchases.Where(p => p.ProviderRequestId == ProviderRequestId && p.OrganizationId == OrganizationId);

    /// <summary>
    /// The purchase with this key and, in the same read, the organization's purchase that this receipt already paid
    /// (if another one did): one receipt pays one purchase.
    /// </summary>
    public IQueryable<Purchase> FindWithReceiptHolder(IQueryable<Purchase> purchases, string? receipt) =>
        receipt is null
            ? Find(purchases)
            : PurchaseId is { } id
                ? purchases.Where(p => p.OrganizationId == OrganizationId && (p.Id == id || p.ProviderReceipt == receipt))
                : purchases.Where(p => p.OrganizationId == OrganizationId && (p.ProviderRequestId == ProviderRequestId || p.ProviderReceipt == receipt));

    /// <summary>Whether <paramref name="purchase"/> is one that <see cref="FindWithReceiptHolder"/> finds, read from memory.</summary>
    public bool NamesOrHoldsReceipt(Purchase purchase, string? receipt) =>
        purchase.OrganizationId == OrganizationId && (Names(purchase) || (receipt is not null && purchase.ProviderReceipt == receipt));

    /// <summary>Whether <paramref name="purchase"/> is the one this key names.</summary>
    public bool Names(Purchase purchase) =>
        purchase.OrganizationId == OrganizationId && (PurchaseId is { } id ? purchase.Id == id : purchase.ProviderRequestId == ProviderRequestId);
}
