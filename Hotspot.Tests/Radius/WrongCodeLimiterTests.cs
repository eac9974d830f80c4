using Hotspot.Api.Radius;
using Hotspot.Tests.Storage;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Radius;

public class WrongCodeLimiterTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private WrongCodeLimiter Limiter(int trackedDevices = 1000) => new(Options.Create(new RadiusOptions
    {
        WrongCodeLimit = 5, WrongCodeWindowSeconds = 300, WrongCodeLockoutSeconds = 300, WrongCodeTrackedDevices = trackedDevices,
    }), _clock);

    [Test]
    public void Five_wrong_codes_within_the_window_lock_the_device_for_the_lockout()
    {
        var limiter = Limiter();
        for (var i = 0; i < 4; i++)
        {
            Assert.That(limiter.RecordWrongCode("shop-a", "aa-bb-cc-dd-ee-01"), Is.False);
            _clock.Advance(TimeSpan.FromSeconds(30));
        }
        Assert.That(limiter.LockedFor("shop-a", "AA:BB:CC:DD:EE:01"), Is.Null);
        Assert.That(limiter.RecordWrongCode("shop-a", "AA:BB:CC:DD:EE:01"), Is.True, "the fifth, written another way, is the same device");

        Assert.That(limiter.LockedFor("shop-a", "AA:BB:CC:DD:EE:01"), Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(limiter.LockedFor("shop-a", "AA:BB:CC:DD:EE:02"), Is.Null, "another device");
        Assert.That(limiter.LockedFor("shop-b", "AA:BB:CC:DD:EE:01"), Is.Null, "the same MAC at another router");
        _clock.Advance(TimeSpan.FromSeconds(299));
        Assert.That(limiter.LockedFor("shop-a", "AA:BB:CC:DD:EE:01"), Is.EqualTo(TimeSpan.FromSeconds(1)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(limiter.LockedFor("shop-a", "AA:BB:CC:DD:EE:01"), Is.Null);
        Assert.That(limiter.RecordWrongCode("shop-a", "AA:BB:CC:DD:EE:01"), Is.False, "a lockout starts the count again");
    }

    [Test]
    public void Wrong_codes_older_than_the_window_do_not_count()
    {
        var limiter = Limiter();
        for (var i = 0; i < 4; i++)
            limiter.RecordWrongCode("shop-a", "AA:BB:CC:DD:EE:01");
        _clock.Advance(TimeSpan.FromMinutes(5));
        for (var i = 0; i < 4; i++)
            Assert.That(limiter.RecordWrongCode("shop-a", "AA:BB:CC:DD:EE:01"), Is.False);
        Assert.That(limiter.LockedFor("shop-a", "AA:BB:CC:DD:EE:01"), Is.Null);
    }

    [Test]
    public void Memory_stays_bounded_under_a_flood_of_devices_and_idle_ones_go_first()
    {
        var limiter = Limiter(trackedDevices: 100);
        for (var i = 0; i < 5; i++)
            limiter.RecordWrongCode("shop-a", "AA:BB:CC:00:00:01");
        Assert.That(limiter.LockedFor("shop-a", "AA:BB:CC:00:00:01"), Is.Not.Null);

        for (var i = 0; i < 10_000; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            limiter.RecordWrongCode("shop-a", $"02:00:00:{i >> 16 & 0xFF:X2}:{i >> 8 & 0xFF:X2}:{i & 0xFF:X2}");
            Assert.That(limiter.TrackedDevices, Is.LessThanOrEqualTo(100));
        }
        // Under a flood of fresh devices the idlest are dropped, so an old lockout may be forgotten: the bound wins.
        Assert.That(limiter.TrackedDevices, Is.InRange(90, 100));
    }

    [Test]
    public void A_right_code_forgives_earlier_typos_and_the_message_counts_minutes()
    {
        var limiter = Limiter();
        for (var i = 0; i < 4; i++)
            limiter.RecordWrongCode("shop-a", "AA:BB:CC:DD:EE:01");
        limiter.RecordAccepted("shop-a", "AA:BB:CC:DD:EE:01");
        Assert.That(limiter.RecordWrongCode("shop-a", "AA:BB:CC:DD:EE:01"), Is.False);
        Assert.That(WrongCodeLimiter.Message(TimeSpan.FromSeconds(270)), Is.EqualTo("Too many wrong voucher codes from this device. Try again in 5 minutes."));
        Assert.That(WrongCodeLimiter.Message(TimeSpan.FromSeconds(3)), Is.EqualTo("Too many wrong voucher codes from this device. Try again in 1 minute."));
    }
}
