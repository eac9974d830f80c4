using System.Collections.Concurrent;
using Hotspot.Domain.Payments;

namespace Hotspot.Tests.Providers;

/// <summary>The token-sharing port in memory; two caches over one store act like two API instances.</summary>
public sealed class InMemoryProviderTokenStore : IProviderTokenStore
{
    private readonly ConcurrentDictionary<string, ProviderToken> _tokens = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public int Saves;

    public Task<ProviderToken?> GetAsync(string cacheKey, CancellationToken cancellationToken) =>
        Task.FromResult(_tokens.GetValueOrDefault(cacheKey));

    public Task SaveAsync(string cacheKey, ProviderToken token, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Saves);
        _tokens[cacheKey] = token;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string cacheKey, CancellationToken cancellationToken)
    {
        _tokens.TryRemove(cacheKey, out _);
        return Task.CompletedTask;
    }

    public async Task<IAsyncDisposable> LockAsync(string cacheKey, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(cacheKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Held(gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
