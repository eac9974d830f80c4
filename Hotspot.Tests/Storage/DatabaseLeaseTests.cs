using Hotspot.Storage;
using Hotspot.Storage.Leases;

namespace Hotspot.Tests.Storage;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class DatabaseLeaseTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Only_one_holder_at_a_time_until_the_lease_runs_out()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var lease = new DatabaseLease(Database, clock);
        var name = "reconciler-" + Guid.NewGuid().ToString("N");

        Assert.That(await lease.TryAcquireAsync(name, "instance-a", Duration, default), Is.True);
        Assert.That(await lease.TryAcquireAsync(name, "instance-b", Duration, default), Is.False);
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.That(await lease.TryAcquireAsync(name, "instance-a", Duration, default), Is.True, "the holder renews");
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.That(await lease.TryAcquireAsync(name, "instance-b", Duration, default), Is.False, "renewed, so still held");
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.That(await lease.TryAcquireAsync(name, "instance-b", Duration, default), Is.True, "expired, taken over");
        Assert.That(await lease.TryAcquireAsync(name, "instance-a", Duration, default), Is.False);
    }

    [Test]
    public async Task A_released_lease_can_be_taken_at_once()
    {
        var lease = new DatabaseLease(Database, TimeProvider.System);
        var name = "reconciler-" + Guid.NewGuid().ToString("N");
        Assert.That(await lease.TryAcquireAsync(name, "instance-a", Duration, default), Is.True);
        await lease.ReleaseAsync(name, "instance-b", default); // not the holder: no effect
        Assert.That(await lease.TryAcquireAsync(name, "instance-b", Duration, default), Is.False);
        await lease.ReleaseAsync(name, "instance-a", default);
        Assert.That(await lease.TryAcquireAsync(name, "instance-b", Duration, default), Is.True);
    }

    [Test]
    public async Task Racing_instances_get_exactly_one_lease()
    {
        var lease = new DatabaseLease(Database, TimeProvider.System);
        var name = "reconciler-" + Guid.NewGuid().ToString("N");
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => lease.TryAcquireAsync(name, $"instance-{i}", Duration, default))));
        Assert.That(results.Count(taken => taken), Is.EqualTo(1));
    }
}
