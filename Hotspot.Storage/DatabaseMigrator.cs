using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hotspot.Storage;

/// <summary>Applies pending migrations when the host starts, before it accepts requests.</summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<HotspotDbContext> contexts,
    IOptions<StorageOptions> options,
    MigrationCheck check,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplyMigrationsOnStartup)
        {
            logger.LogInformation("Migrations on start-up are turned off");
            return;
        }
        // The common start: nothing to apply. Answered without EF Core's model, which the first query then builds.
        if (await check.AllAppliedAsync(cancellationToken))
        {
            logger.LogInformation("Database ready on {Provider}; {Count} migration(s) applied", options.Value.Provider, 0);
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(options.Value.MigrationCommandTimeout);
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
        // Each of EF Core's own checks below fails, and logs that failure at Error, when the database or the history
        // table is missing (a PostgreSQL database the API is to create; an empty one, whose history table Npgsql
        // reports as present). So first make both exist, quietly; then nothing in the normal start-up fails.
        if (db.Provider == DatabaseProvider.PostgreSql && !await PostgreSqlDatabaseExistsAsync(db, cancellationToken))
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    // Opened with Npgsql directly, not through EF Core, so a missing database is an answer here, not a logged error.
    private static async Task<bool> PostgreSqlDatabaseExistsAsync(HotspotDbContext db, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }
}
