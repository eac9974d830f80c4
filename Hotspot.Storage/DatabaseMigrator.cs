using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotspot.Storage;

/// <summary>Applies pending migrations when the host starts, before it accepts requests.</summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<HotspotDbContext> contexts,
    IOptions<StorageOptions> options,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplyMigrationsOnStartup)
        {
            logger.LogInformation("Migrations on start-up are turned off");
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var applied = await MigrateAsync(db, cancellationToken);
        logger.LogInformation("Database ready on {Provider}; {Count} migration(s) applied", db.Provider, applied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Brings the schema up to date; returns how many migrations were applied.</summary>
    public static async Task<int> MigrateAsync(HotspotDbContext db, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers carry on while a writer commits; the setting sticks to the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        // Asking a database that does not exist yet for its history would log a connection error; Migrate creates it.
        var exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken);
        var pending = exists
            ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count()
            : db.Database.GetMigrations().Count();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
