using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.Limits;

/// <summary>
/// Attempt counts in fixed windows (a window opens at a key's first attempt) and lockouts, kept in
/// <c>limiter_counts</c> so that every API instance counts against the same limit. Each change is one
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>: the database serializes racing instances, and the same
/// statement runs on PostgreSQL and SQLite. Rows whose window and lockout are over mean nothing; one instance
/// sweeps them at most once a minute.
/// </summary>
public sealed class LimiterCounts(IDbContextFactory<HotspotDbContext> databases, TimeProvider time)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private long _nextSweepMs;

    /// <summary>Takes one of <paramref name="limit"/> attempts in the key's window: null when taken, else how long until the window ends.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        limit = Math.Max(1, limit);
        var now = NowMs();
        // A refusal leaves hits at limit + 1 at most, so giving a slot back after refusals stays exact.
        const string sql = """
            INSERT INTO limiter_counts ("key", hits, window_ends_ms, locked_until_ms) VALUES (@key, 1, @window_ends, 0)
            ON CONFLICT ("key") DO UPDATE SET
              hits = CASE WHEN limiter_counts.window_ends_ms <= @now THEN 1
                          WHEN limiter_counts.hits <= @limit THEN limiter_counts.hits + 1
                          ELSE limiter_counts.hits END,
              window_ends_ms = CASE WHEN limiter_counts.window_ends_ms <= @now THEN @window_ends ELSE limiter_counts.window_ends_ms END
            RETURNING hits, window_ends_ms
            """;
        var (hits, windowEndsMs) = await RowAsync(sql, cancellationToken,
            ("key", key), ("now", now), ("window_ends", now + Ms(window)), ("limit", limit));
        await SweepAsync(now, cancellationToken);
        return hits <= limit ? null : TimeSpan.FromMilliseconds(Math.Max(0, windowEndsMs - now));
    }

    /// <summary>Gives back an attempt taken by <see cref="TryTakeAsync"/> (it turned out not to count).</summary>
    public async Task GiveBackAsync(string key, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Max(1, limit);
        const string sql = """
            UPDATE limiter_counts
            SET hits = CASE WHEN hits > @limit THEN @limit - 1 ELSE hits - 1 END
            WHERE "key" = @key AND hits > 0 AND window_ends_ms > @now
            """;
        await ExecuteAsync(sql, cancellationToken, ("key", key), ("limit", limit), ("now", NowMs()));
    }

    /// <summary>
    /// Counts a failure; the <paramref name="limit"/>-th within the window locks the key for
    /// <paramref name="lockout"/> and returns true (once). Failures while locked change nothing; after a lockout the
    /// count starts again.
    /// </summary>
    public async Task<bool> RecordFailureAsync(string key, int limit, TimeSpan window, TimeSpan lockout, CancellationToken cancellationToken)
    {
        limit = Math.Max(1, limit);
        var now = NowMs();
        // "fresh": the window or an earlier lockout is over. A locked row keeps hits at limit + 1, so only the
        // failure that sets the lock sees hits = limit together with a lock.
        const string sql = """
            INSERT INTO limiter_counts ("key", hits, window_ends_ms, locked_until_ms)
            VALUES (@key, 1, @window_ends, CASE WHEN 1 >= @limit THEN @locked_until ELSE 0 END)
            ON CONFLICT ("key") DO UPDATE SET
              hits = CASE WHEN limiter_counts.locked_until_ms > @now THEN @limit + 1
                          WHEN limiter_counts.window_ends_ms <= @now OR limiter_counts.locked_until_ms > 0 THEN 1
                          ELSE limiter_counts.hits + 1 END,
              window_ends_ms = CASE WHEN limiter_counts.locked_until_ms > @now THEN limiter_counts.window_ends_ms
                                    WHEN limiter_counts.window_ends_ms <= @now OR limiter_counts.locked_until_ms > 0 THEN @window_ends
                                    ELSE limiter_counts.window_ends_ms END,
              locked_until_ms = CASE WHEN limiter_counts.locked_until_ms > @now THEN limiter_counts.locked_until_ms
                                     WHEN limiter_counts.window_ends_ms <= @now OR limiter_counts.locked_until_ms > 0 THEN
                                       CASE WHEN 1 >= @limit THEN @locked_until ELSE 0 END
                                     WHEN limiter_counts.hits + 1 >= @limit THEN @locked_until
                                     ELSE 0 END
            RETURNING hits, locked_until_ms
            """;
        var (hits, lockedUntilMs) = await RowAsync(sql, cancellationToken,
            ("key", key), ("now", now), ("window_ends", now + Ms(window)), ("locked_until", now + Ms(lockout)), ("limit", limit));
        await SweepAsync(now, cancellationToken);
        return lockedUntilMs > now && hits <= limit;
    }

    /// <summary>How long the key stays locked out; null when it is not.</summary>
    public async Task<TimeSpan?> LockedForAsync(string key, CancellationToken cancellationToken)
    {
        var now = NowMs();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var lockedUntilMs = await db.LimiterCounts.AsNoTracking().Where(c => c.Key == key && c.LockedUntilMs > now)
            .Select(c => (long?)c.LockedUntilMs).FirstOrDefaultAsync(cancellationToken);
        return lockedUntilMs is { } until ? TimeSpan.FromMilliseconds(until - now) : null;
    }

    /// <summary>Forgets the key's attempts and any lockout.</summary>
    public async Task ForgetAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.LimiterCounts.Where(c => c.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task SweepAsync(long now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextSweepMs);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepMs, now + Ms(SweepEvery), due) != due)
            return;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.LimiterCounts.Where(c => c.WindowEndsMs < now && c.LockedUntilMs < now).ExecuteDeleteAsync(cancellationToken);
    }

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static long Ms(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);

    private async Task<(long First, long Second)> RowAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(db, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            throw new InvalidOperationException("The limiter statement returned no row.");
        return (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1)));
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(db, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(HotspotDbContext db, string sql, (string Name, object Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
