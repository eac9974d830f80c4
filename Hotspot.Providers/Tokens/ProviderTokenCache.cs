using System.Collections.Concurrent;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Providers.Tokens;

/// <summary>
/// OAuth tokens of every provider and organization: an in-process cache in front of the shared
/// <see cref="IProviderTokenStore"/> (DESIGN.md 11). Daraja invalidates the previous token when it issues a new
/// one, so at most one refresh per key runs at a time in this process, and a token found in the store is
/// reused rather than replaced.
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
            // Another caller may have refreshed while this one waited.
            if (_memory.TryGetValue(cacheKey, out cached) && IsFresh(cached, refreshMargin))
            {
                return GatewayResult<ProviderToken>.Success(cached);
            }

            var stored = await store.GetAsync(cacheKey, cancellationToken);
            if (stored is not null && IsFresh(stored, refreshMargin))
            {
                _memory[cacheKey] = stored;
                return GatewayResult<ProviderToken>.Success(stored);
            }

            var fetched = await fetch(cancellationToken);
            if (fetched.IsSuccess)
            {
                await store.SaveAsync(cacheKey, fetched.Value, cancellationToken);
                _memory[cacheKey] = fetched.Value;
            }

            return fetched;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Forgets a token the provider rejected. Only that token is forgotten: another caller may already have
    /// replaced it with a good one.
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

            var stored = await store.GetAsync(cacheKey, cancellationToken);
            if (stored is not null && stored.AccessToken == rejectedAccessToken)
            {
                await store.RemoveAsync(cacheKey, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsFresh(ProviderToken token, TimeSpan refreshMargin) =>
        token.ExpiresAt - time.GetUtcNow() > refreshMargin;
}
