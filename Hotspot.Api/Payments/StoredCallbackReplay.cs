using Hotspot.Domain.Organizations;

namespace Hotspot.Api.Payments;

/// <summary>
/// A callback can overtake the answer to the payment request: it is stored but matches no purchase yet. Once
/// the purchase records its provider request id, the stored callback is applied.
/// </summary>
public sealed class StoredCallbackReplay(DarajaCallbacks daraja, KopoKopoCallbacks kopoKopo)
{
    public Task ApplyStoredAsync(Guid organizationId, PaymentMethodType method, string providerRequestId, CancellationToken cancellationToken) =>
        method == PaymentMethodType.Mpesa
            ? daraja.ApplyStoredAsync(organizationId, providerRequestId, cancellationToken)
            : kopoKopo.ApplyStoredAsync(organizationId, providerRequestId, cancellationToken);
}
