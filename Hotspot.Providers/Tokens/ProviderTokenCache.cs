using System.Collections.Concurrent;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Providers.Tokens;

/// <summary>
/// OAuth tokens of every provider and organization: an in-process cache in front of the shared
/// <see cref="IProviderTokenStore"/> (DESIGN.md 11). Daraja revokes an app's previous token when it issues a new one,
/// so a token is fetched only under the store's lock (one instance at a time, one caller at a time in this one), and
/// only when the stored token is missing, about to expire, or the one the provider just rejected. The store then
/// always holds the token issued last, and a call whose token was rejected succeeds on its one retry with it.
/// </summary>
public sealed class ProviderTokenCache(IProviderTokenStore store, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ProviderToken> _memory = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    /// <summary>Returns a token that stays valid for more than <paramref name="refreshMargin"/>, fetching one if needed.</summary>
    public async Task<GatewayResult<ProviderToken>> GetAsync(
        string cacheKey,
        TimeSpan refreshMargin,
        Func<CancellationToken, Task<GatewayResult<ProviderToken>>> fetch,
        CancellationToken cancellationToken)
    {
        if (_memory.TryGetValue(cacheKey, out var cached) && IsFresh(cached, refreshMargin))
        {
            return GatewayResult<ProviderToken>.Success(cached);
        }

        var gate = _gates.GetOrAdd(cacheKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller in this instance may have refreshed while this one waited.
            if (_memory.TryGetValue(cacheKey, out cached) && IsFresh(cached, refreshMargin))
            {
                return GatewayResult<ProviderToken>.Success(cached);
            }

            if (await FreshStoredAsync(cacheKey, refreshMargin, cancellationToken) is { } stored)
            {
                return GatewayResult<ProviderToken>.Success(stored);
            }

            await using (await store.LockAsync(cacheKey, cancellationToken))
            {
                // Another instance may have fetched while this one waited for the lock.
                if (await FreshStoredAsync(cacheKey, refreshMargin, cancellationToken) is { } fetchedElsewhere)
                {
                    return GatewayResult<ProviderToken>.Success(fetchedElsewhere);
                }

                var fetched = await fetch(cancellationToken);
                if (fetched.IsSuccess)
                {
                    await store.SaveAsync(cacheKey, fetched.Value, cancellationToken);
                    _memory[cacheKey] = fetched.Value;
                }

                return fetched;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Forgets a token the provider rejected. Only that token is forgotten: another caller or instance may already
    /// have replaced it with a good one, which must not be thrown away (fetching again would revoke it).
    /// </summary>
    public async Task InvalidateAsync(string cacheKey, string rejectedAccessToken, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(cacheKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_memory.TryGetValue(cacheKey, out var cached) && cached.AccessToken == rejectedAccessToken)
            {
                _memory.TryRemove(cacheKey, out _);
            }

            // Under the lock, so no other instance saves a new token between this read and the removal.
            await using (await store.LockAsync(cacheKey, cancellationToken))
            {
                var stored = await store.GetAsync(cacheKey, cancellationToken);
                if (stored is not null && stored.AccessToken == rejectedAccessToken)
                {
                    await store.RemoveAsync(cacheKey, cancellationToken);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ProviderToken?> FreshStoredAsync(string cacheKey, TimeSpan refreshMargin, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(cacheKey, cancellationToken);
        if (stored is null || !IsFresh(stored, refreshMargin))
        {
            return null;
        }

        _memory[cacheKey] = stored;
        return stored;
    }

    private bool IsFresh(ProviderToken token, TimeSpan refreshMargin) =>
        token.ExpiresAt - time.GetUtcNow() > refreshMargin;
}
