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

    /// <summary>
    /// Waits until no caller in any instance sharing the store holds the lock of <paramref name="cacheKey"/>, then
    /// holds it until disposed. Token fetches, saves and removals happen under it: two instances fetching at once
    /// would each revoke the other's token, and the store could keep the one the provider revoked.
    /// </summary>
    Task<IAsyncDisposable> LockAsync(string cacheKey, CancellationToken cancellationToken);
}
