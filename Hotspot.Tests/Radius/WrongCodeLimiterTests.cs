using Hotspot.Api.Radius;
using Hotspot.Storage;
using Hotspot.Storage.Limits;
using Hotspot.Tests.Storage;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Radius;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class WrongCodeLimiterTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    /// <summary>One limiter per API instance; the instances share only the database.</summary>
    private WrongCodeLimiter Instance() => new(new LimiterCounts(Database, _clock), Options.Create(new RadiusOptions
    {
        WrongCodeLimit = 5, WrongCodeWindowSeconds = 300, WrongCodeLockoutSeconds = 300,
    }));

    [Test]
    public async Task Five_wrong_codes_within_the_window_lock_the_device_for_the_lockout()
    {
        var limiter = Instance();
        for (var i = 0; i < 4; i++)
        {
            Assert.That(await limiter.RecordWrongCodeAsync("shop-a", "aa-bb-cc-dd-ee-01", default), Is.False);
            _clock.Advance(TimeSpan.FromSeconds(30));
        }
        Assert.That(await limiter.LockedForAsync("shop-a", "AA:BB:CC:DD:EE:01", default), Is.Null);
        Assert.That(await limiter.RecordWrongCodeAsync("shop-a", "AA:BB:CC:DD:EE:01", default), Is.True, "the fifth, written another way, is the same device");
        Assert.That(await limiter.RecordWrongCodeAsync("shop-a", "AA:BB:CC:DD:EE:01", default), Is.False, "locks once");

        Assert.That(await limiter.LockedForAsync("shop-a", "AA:BB:CC:DD:EE:01", default), Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(await limiter.LockedForAsync("shop-a", "AA:BB:CC:DD:EE:02", default), Is.Null, "another device");
        Assert.That(await limiter.LockedForAsync("shop-b", "AA:BB:CC:DD:EE:01", default), Is.Null, "the same MAC at another router");
        _clock.Advance(TimeSpan.FromSeconds(299));
        Assert.That(await limiter.LockedForAsync("shop-a", "AA:BB:CC:DD:EE:01", default), Is.EqualTo(TimeSpan.FromSeconds(1)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await limiter.LockedForAsync("shop-a", "AA:BB:CC:DD:EE:01", default), Is.Null);
        for (var i = 0; i < 4; i++)
            Assert.That(await limiter.RecordWrongCodeAsync("shop-a", "AA:BB:CC:DD:EE:01", default), Is.False, "a lockout starts the count again");
        Assert.That(await limiter.RecordWrongCodeAsync("shop-a", "AA:BB:CC:DD:EE:01", default), Is.True);
    }

    [Test]
    public async Task Wrong_codes_older_than_the_window_do_not_count()
    {
        var limiter = Instance();
        for (var i = 0; i < 4; i++)
            await limiter.RecordWrongCodeAsync("shop-c", "AA:BB:CC:DD:EE:01", default);
        _clock.Advance(TimeSpan.FromMinutes(5));
        for (var i = 0; i < 4; i++)
            Assert.That(await limiter.RecordWrongCodeAsync("shop-c", "AA:BB:CC:DD:EE:01", default), Is.False);
        Assert.That(await limiter.LockedForAsync("shop-c", "AA:BB:CC:DD:EE:01", default), Is.Null);
    }

    [Test]
    public async Task Instances_share_the_count_and_the_lockout()
    {
        var first = Instance();
        var second = Instance();
        for (var i = 0; i < 4; i++)
            Assert.That(await (i % 2 == 0 ? first : second).RecordWrongCodeAsync("shop-d", "AA:BB:CC:DD:EE:01", default), Is.False);
        Assert.That(await second.RecordWrongCodeAsync("shop-d", "AA:BB:CC:DD:EE:01", default), Is.True);
        Assert.That(await first.LockedForAsync("shop-d", "AA:BB:CC:DD:EE:01", default), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public async Task A_right_code_forgives_earlier_typos_and_the_message_counts_minutes()
    {
        var limiter = Instance();
        for (var i = 0; i < 4; i++)
            await limiter.RecordWrongCodeAsync("shop-e", "AA:BB:CC:DD:EE:01", default);
        await limiter.RecordAcceptedAsync("shop-e", "AA:BB:CC:DD:EE:01", default);
        Assert.That(await limiter.RecordWrongCodeAsync("shop-e", "AA:BB:CC:DD:EE:01", default), Is.False);
        Assert.That(WrongCodeLimiter.Message(TimeSpan.FromSeconds(270)), Is.EqualTo("Too many wrong voucher codes from this device. Try again in 5 minutes."));
        Assert.That(WrongCodeLimiter.Message(TimeSpan.FromSeconds(3)), Is.EqualTo("Too many wrong voucher codes from this device. Try again in 1 minute."));
    }
}
