using Hotspot.Domain.Payments;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Tokens;

namespace Hotspot.Tests.Providers;

public class ProviderTokenCacheTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class CountingFetch(ManualClock clock, TimeSpan lifetime, TimeSpan? delay = null)
    {
        public int Calls;

        public async Task<GatewayResult<ProviderToken>> FetchAsync(CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref Calls);
            if (delay is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            return GatewayResult<ProviderToken>.Success(new ProviderToken($"token-{call}", clock.Now + lifetime));
        }
    }

    [Test]
    public async Task Concurrent_callers_share_one_fetch()
    {
        var clock = new ManualClock();
        var cache = new ProviderTokenCache(new InMemoryProviderTokenStore(), clock);
        var fetch = new CountingFetch(clock, TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(50));
        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None)));
        Assert.That(fetch.Calls, Is.EqualTo(1));
        Assert.That(tokens.Select(t => t.Value.AccessToken).Distinct(), Is.EqualTo(new[] { "token-1" }));
    }

    [Test]
    public async Task Refreshes_once_the_token_is_within_the_margin_of_expiry()
    {
        var clock = new ManualClock();
        var cache = new ProviderTokenCache(new InMemoryProviderTokenStore(), clock);
        var fetch = new CountingFetch(clock, TimeSpan.FromSeconds(3599));
        await cache.GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None);

        clock.Now += TimeSpan.FromSeconds(3500);
        Assert.That((await cache.GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None)).Value.AccessToken, Is.EqualTo("token-1"));
        clock.Now += TimeSpan.FromSeconds(40);
        Assert.That((await cache.GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None)).Value.AccessToken, Is.EqualTo("token-2"));
    }

    [Test]
    public async Task A_second_instance_reuses_the_stored_token()
    {
        var clock = new ManualClock();
        var store = new InMemoryProviderTokenStore();
        var fetch = new CountingFetch(clock, TimeSpan.FromHours(1));
        await new ProviderTokenCache(store, clock).GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None);
        var second = await new ProviderTokenCache(store, clock).GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None);
        Assert.That((second.Value.AccessToken, fetch.Calls), Is.EqualTo(("token-1", 1)));
    }

    [Test]
    public async Task Instances_that_find_no_token_at_once_fetch_one_between_them()
    {
        var clock = new ManualClock();
        var store = new InMemoryProviderTokenStore();
        var fetch = new CountingFetch(clock, TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(50));
        var instances = Enumerable.Range(0, 3).Select(_ => new ProviderTokenCache(store, clock)).ToArray();
        var tokens = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => instances[i % 3].GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None)));
        Assert.That(fetch.Calls, Is.EqualTo(1), "a second fetch would revoke the first token");
        Assert.That(tokens.Select(t => t.Value.AccessToken).Distinct(), Is.EqualTo(new[] { "token-1" }));
    }

    [Test]
    public async Task Instances_rejecting_the_same_token_at_once_replace_it_once()
    {
        var clock = new ManualClock();
        var store = new InMemoryProviderTokenStore();
        var fetch = new CountingFetch(clock, TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(20));
        var instances = Enumerable.Range(0, 3).Select(_ => new ProviderTokenCache(store, clock)).ToArray();
        foreach (var instance in instances)
        {
            await instance.GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None);
        }

        // The provider dropped token-1: every instance's calls are rejected and each replaces it.
        var replaced = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            await instances[i % 3].InvalidateAsync("k", "token-1", CancellationToken.None);
            return await instances[i % 3].GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None);
        }));
        Assert.That(fetch.Calls, Is.EqualTo(2));
        Assert.That(replaced.Select(t => t.Value.AccessToken).Distinct(), Is.EqualTo(new[] { "token-2" }));
    }

    [Test]
    public async Task Invalidation_forgets_only_the_rejected_token()
    {
        var clock = new ManualClock();
        var store = new InMemoryProviderTokenStore();
        var fetch = new CountingFetch(clock, TimeSpan.FromHours(1));
        var first = new ProviderTokenCache(store, clock);
        var second = new ProviderTokenCache(store, clock);
        await first.GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None);

        // Instance two already replaced token-1 with token-2; instance one's late rejection of token-1 keeps token-2.
        await second.InvalidateAsync("k", "token-1", CancellationToken.None);
        await second.GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None);
        Assert.That((await store.GetAsync("k", CancellationToken.None))!.AccessToken, Is.EqualTo("token-2"));
        await first.InvalidateAsync("k", "token-1", CancellationToken.None);
        Assert.That((await store.GetAsync("k", CancellationToken.None))!.AccessToken, Is.EqualTo("token-2"));
        Assert.That((await first.GetAsync("k", Margin, fetch.FetchAsync, CancellationToken.None)).Value.AccessToken, Is.EqualTo("token-2"));
        Assert.That(fetch.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task Failed_fetches_are_not_cached()
    {
        var clock = new ManualClock();
        var store = new InMemoryProviderTokenStore();
        var cache = new ProviderTokenCache(store, clock);
        var calls = 0;
        Task<GatewayResult<ProviderToken>> Failing(CancellationToken _)
        {
            calls++;
            return Task.FromResult(GatewayResult<ProviderToken>.Failure(new GatewayError(GatewayErrorKind.InvalidCredentials, "400.008.01", "Invalid Authentication passed")));
        }

        Assert.That((await cache.GetAsync("k", Margin, Failing, CancellationToken.None)).IsSuccess, Is.False);
        Assert.That((await cache.GetAsync("k", Margin, Failing, CancellationToken.None)).IsSuccess, Is.False);
        Assert.That((calls, store.Saves), Is.EqualTo((2, 0)));
    }
}
