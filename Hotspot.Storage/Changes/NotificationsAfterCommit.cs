using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hotspot.Storage.Changes;

/// <summary>
/// For PostgreSQL writers that announce their own changes once committed: a statement that starts with
/// <see cref="QuietCte"/> keeps the change-notification triggers quiet until its commit, and the writer then sends the
/// same notifications with <see cref="SendAsync"/>, in a statement that writes nothing. A transaction that calls
/// <c>pg_notify</c> holds the cluster's one notification-queue lock across its commit and WAL flush (migration
/// NotifyAfterCommit), so the busy writers (callbacks stored, settled in batches) stay out of it.
/// </summary>
internal static class NotificationsAfterCommit
{
    /// <summary>A CTE to read from the statement's first write (e.g. its WHERE), so it runs before any trigger does.</summary>
    public const string QuietCte = "quiet AS MATERIALIZED (SELECT set_config('hotspot.notify_after_commit', 'on', true) AS value)";

    /// <summary>The condition that makes a write wait for <see cref="QuietCte"/>.</summary>
    public const string QuietCondition = "(SELECT value FROM quiet) = 'on'";

    public static Task SendAsync(HotspotDbContext db, IEnumerable<ChangeNotification> changes, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_notify(@channel, payload) FROM unnest(@payloads) AS payload",
        [
            new NpgsqlParameter<string>("channel", ChangeNotification.Channel),
            new NpgsqlParameter<string[]>("payloads", changes.Select(c => c.Payload).ToArray()),
        ], cancellationToken);
}
