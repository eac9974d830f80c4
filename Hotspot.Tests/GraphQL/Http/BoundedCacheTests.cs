using Hotspot.GraphQL.Http;

namespace Hotspot.Tests.GraphQL.Http;

public class BoundedCacheTests
{
    [Test]
    public void Never_holds_more_than_its_capacity_and_drops_the_oldest()
    {
        var cache = new BoundedCache<string>(3);
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            cache.Set(key, key.ToUpperInvariant());
        }

        Assert.That(cache.Count, Is.EqualTo(3));
        Assert.That(cache.TryGet("a", out _), Is.False);
        Assert.That(cache.TryGet("e", out var e) && e == "E", Is.True);
    }

    [Test]
    public void Replacing_a_key_does_not_grow_the_cache()
    {
        var cache = new BoundedCache<string>(2);
        cache.Set("a", "1");
        cache.Set("a", "2");
        cache.Set("b", "3");
        Assert.That(cache.Count, Is.EqualTo(2));
        Assert.That(cache.TryGet("a", out var a) && a == "2", Is.True);
    }

    [Test]
    public void Stays_bounded_under_concurrent_writers()
    {
        var cache = new BoundedCache<string>(100);
        Parallel.For(0, 10_000, i => cache.Set("k" + i, "v"));
        Assert.That(cache.Count, Is.LessThanOrEqualTo(100));
    }
}
