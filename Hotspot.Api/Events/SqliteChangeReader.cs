using Hotspot.Storage;
using Hotspot.Storage.Changes;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Events;

/// <summary>
/// SQLite's way to the <see cref="ChangeEventBus"/>: the triggers write each change to <c>change_events</c> in the
/// writing transaction, and this reader polls the rows committed since it last looked (every
/// <see cref="PollInterval"/>), publishes them and deletes them. SQLite serves one instance, so in-process is all
/// it needs; changes made while no API runs are not replayed.
/// </summary>
public sealed class SqliteChangeReader(IDbContextFactory<HotspotDbContext> databases, ChangeEventBus bus, ILogger<SqliteChangeReader> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? last = null; // where the table stood at start: older changes are not replayed
        var failing = false;
        using var timer = new PeriodicTimer(PollInterval);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await using var db = await databases.CreateDbContextAsync(stoppingToken);
                last ??= await db.Set<StoredChange>().MaxAsync(c => (long?)c.Sequence, stoppingToken) ?? 0;
                var changes = await db.Set<StoredChange>().AsNoTracking().Where(c => c.Sequence > last)
                    .OrderBy(c => c.Sequence).Take(BatchSize).ToListAsync(stoppingToken);
                if (changes.Count == 0) continue;
                foreach (var change in changes) bus.Publish(new ChangeNotification(change.Kind, change.OrganizationId, change.RowId));
                last = changes[^1].Sequence;
                var published = last;
                await db.Set<StoredChange>().Where(c => c.Sequence <= published).ExecuteDeleteAsync(stoppingToken);
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                if (!failing) logger.LogWarning("Could not read database changes ({Reason}); retrying", e.Message);
                failing = true;
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
