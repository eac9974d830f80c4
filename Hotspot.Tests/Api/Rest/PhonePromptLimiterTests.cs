using Hotspot.Api.Apis;
using Hotspot.Tests.Storage;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Api.Rest;

public class PhonePromptLimiterTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private PhonePromptLimiter Limiter(int trackedPhones = 1000) =>
        new(Options.Create(new BillingRateLimits { PromptsPerPhone = 3, PhoneWindowSeconds = 300, TrackedPhones = trackedPhones }), _clock);

    [Test]
    public void Three_prompts_per_number_per_window_then_the_oldest_slot_frees_first()
    {
        var limiter = Limiter();
        Assert.That(limiter.TryAcquire("0712000001", out _), Is.True);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(limiter.TryAcquire("+254 712 000 001", out _), Is.True);
        Assert.That(limiter.TryAcquire("254712000001", out _), Is.True);
        Assert.That(limiter.TryAcquire("0712000001", out var retryAfter), Is.False);
        Assert.That(retryAfter, Is.EqualTo(TimeSpan.FromMinutes(4)));
        Assert.That(limiter.TryAcquire("0712000002", out _), Is.True, "another number");
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.That(limiter.TryAcquire("0712000001", out _), Is.True, "the first prompt left the window");
        Assert.That(limiter.TryAcquire("0712000001", out _), Is.False);
    }

    [Test]
    public void A_released_slot_is_free_again_and_unparseable_numbers_are_left_to_the_purchase()
    {
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
            Assert.That(limiter.TryAcquire("0712000003", out _), Is.True);
        limiter.Release("0712000003");
        Assert.That(limiter.TryAcquire("0712000003", out _), Is.True);
        Assert.That(limiter.TryAcquire("0712000003", out _), Is.False);
        for (var i = 0; i < 10; i++)
            Assert.That(limiter.TryAcquire("not a phone", out _), Is.True);
    }

    [Test]
    public void Memory_stays_bounded()
    {
        var limiter = Limiter(trackedPhones: 100);
        for (var i = 0; i < 5_000; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.That(limiter.TryAcquire($"0712{i:D6}", out _), Is.True);
        }
        // The bound is checked through behaviour: a number seen long ago was forgotten, so it has its three slots again.
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        for (var i = 0; i < 3; i++)
            Assert.That(limiter.TryAcquire("0712000000", out _), Is.True);
        Assert.That(limiter.TrackedPhones, Is.LessThanOrEqualTo(100));
    }
}
