namespace Hotspot.Domain.Payments;

/// <summary>
/// Where provider OAuth tokens are shared between API instances. Daraja invalidates the previous token when
/// a new one is issued, so every instance must use the same one (DESIGN.md 11). The storage layer keeps them
/// in the database, encrypted; the provider clients keep an in-process cache in front.
/// </summary>
public interface IProviderTokenStore
{
    /// <param name="cacheKey">Names provider, organization and credentials, e.g. <c>daraja:{orgId}:{keyHash}</c>.</param>
    Task<ProviderToken?> GetAsync(string cacheKey, CancellationToken cancellationToken);

    Task SaveAsync(string cacheKey, ProviderToken token, CancellationToken cancellationToken);

    /// <summary>Forgets a token the provider has rejected.</summary>
    Task RemoveAsync(string cacheKey, CancellationToken cancellationToken);
}
