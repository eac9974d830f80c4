using Hotspot.Storage.Secrets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Hotspot.Storage;

/// <summary>Configures a <see cref="HotspotDbContext"/> for SQLite or PostgreSQL; used by the host and by tests.</summary>
public static class HotspotDbContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString,
        TimeSpan? commandTimeout = null)
    {
        var timeoutSeconds = (int)Math.Ceiling((commandTimeout ?? StorageOptions.DefaultCommandTimeout).TotalSeconds);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.CommandTimeout(timeoutSeconds));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(PostgreSqlConnectionDefaults.Apply(connectionString), o => o.CommandTimeout(timeoutSeconds));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider));
        }
        // The protector is part of the model (encrypting converters), so it is part of the model cache key.
        builder.ReplaceService<IModelCacheKeyFactory, HotspotModelCacheKeyFactory>();
        // Migrations are hand-written without a model snapshot; the schema test checks them against the model instead.
        builder.ConfigureWarnings(w => w
            .Ignore(RelationalEventId.PendingModelChangesWarning)
            // EF Core logs every failed command, connection, query or save at Error, with the exception, before it
            // throws that exception to our code. Our code decides what a failure means: a unique violation it expects
            // (an exact re-delivery of a callback) or a database that is down (answered 503, one Warning line) is
            // logged by the code that handles it, at its level; an exception nobody handles reaches the host, which
            // logs it at Error with its stack trace. So EF Core's own copies are Debug: nothing is hidden, and one
            // failure is not logged twice.
            .Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug)));
        return builder;
    }

    /// <summary>Puts the protector whose keys encrypt the stored credentials into the options (see <see cref="SecretProtectorExtension"/>).</summary>
    public static DbContextOptionsBuilder UseProtector(DbContextOptionsBuilder builder, SecretProtector protector)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new SecretProtectorExtension(protector));
        return builder;
    }

    /// <summary>Options for contexts made with <c>new HotspotDbContext(options)</c> (tools and tests).</summary>
    public static DbContextOptions<HotspotDbContext> WithProtector(DbContextOptions<HotspotDbContext> options, SecretProtector protector) =>
        (DbContextOptions<HotspotDbContext>)UseProtector(new DbContextOptionsBuilder<HotspotDbContext>(options), protector).Options;

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StorageOptions options) =>
        options.Provider == DatabaseProvider.Sqlite
            ? Configure(builder, DatabaseProvider.Sqlite, SqliteConnectionString(options.SqlitePath), options.CommandTimeout)
            : Configure(builder, DatabaseProvider.PostgreSql, options.ConnectionString!, options.CommandTimeout);

    public static string SqliteConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true }.ToString();
}
