using Hotspot.Api.Apis;
using Hotspot.Storage;
using Hotspot.Storage.Limits;
using Hotspot.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Api.Rest;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class PhonePromptLimiterTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    /// <summary>One limiter per API instance; the instances share only the database.</summary>
    private PhonePromptLimiter Instance(TimeProvider? clock = null) =>
        new(new LimiterCounts(Database, clock ?? _clock), Options.Create(new BillingRateLimits { PromptsPerPhone = 3, PhoneWindowSeconds = 300 }));

    [Test]
    public async Task Three_prompts_per_number_per_window_opened_by_the_first()
    {
        var limiter = Instance();
        Assert.That(await limiter.TryAcquireAsync("0712000001", default), Is.Null);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await limiter.TryAcquireAsync("+254 712 000 001", default), Is.Null);
        Assert.That(await limiter.TryAcquireAsync("254712000001", default), Is.Null);
        Assert.That(await limiter.TryAcquireAsync("0712000001", default), Is.EqualTo(TimeSpan.FromMinutes(4)));
        Assert.That(await limiter.TryAcquireAsync("0712000002", default), Is.Null, "another number");
        _clock.Advance(TimeSpan.FromMinutes(4));
        for (var i = 0; i < 3; i++)
            Assert.That(await limiter.TryAcquireAsync("0712000001", default), Is.Null, "the window is over: a new one opens");
        Assert.That(await limiter.TryAcquireAsync("0712000001", default), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public async Task A_released_slot_is_free_again_even_after_refusals_and_unparseable_numbers_are_left_to_the_purchase()
    {
        var limiter = Instance();
        for (var i = 0; i < 3; i++)
            Assert.That(await limiter.TryAcquireAsync("0712000003", default), Is.Null);
        Assert.That(await limiter.TryAcquireAsync("0712000003", default), Is.Not.Null);
        Assert.That(await limiter.TryAcquireAsync("0712000003", default), Is.Not.Null);
        await limiter.ReleaseAsync("0712000003", default);
        Assert.That(await limiter.TryAcquireAsync("0712000003", default), Is.Null, "one of the three granted slots came back");
        Assert.That(await limiter.TryAcquireAsync("0712000003", default), Is.Not.Null);
        for (var i = 0; i < 10; i++)
            Assert.That(await limiter.TryAcquireAsync("not a phone", default), Is.Null);
    }

    [Test]
    public async Task Instances_count_against_one_limit_even_when_racing()
    {
        var phone = "0712" + Random.Shared.Next(100_000, 999_999);
        var instances = Enumerable.Range(0, 3).Select(_ => Instance(TimeProvider.System)).ToList();
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => instances[i % instances.Count].TryAcquireAsync(phone, default))));
        Assert.That(answers.Count(wait => wait is null), Is.EqualTo(3));
        Assert.That(answers.Where(wait => wait is not null), Has.All.InRange(TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5)));
    }

    [Test]
    public async Task Rows_whose_window_is_over_are_swept()
    {
        var clock = new ManualTimeProvider(_clock.GetUtcNow());
        var limiter = Instance(clock);
        for (var i = 0; i < 50; i++)
            await limiter.TryAcquireAsync($"0713{i:D6}", default);
        clock.Advance(TimeSpan.FromMinutes(6));
        await limiter.TryAcquireAsync("0713999999", default);
        await using var db = Database.CreateDbContext();
        Assert.That(await db.LimiterCounts.CountAsync(c => c.Key.StartsWith("phone:2547130")), Is.Zero);
        Assert.That(await db.LimiterCounts.CountAsync(c => c.Key == "phone:254713999999"), Is.EqualTo(1));
    }
}
