using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Hotspot.Storage;

/// <summary>Configures a <see cref="HotspotDbContext"/> for SQLite or PostgreSQL; used by the host and by tests.</summary>
public static class HotspotDbContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString);
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(PostgreSqlConnectionDefaults.Apply(connectionString));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider));
        }
        // The protector is part of the model (encrypting converters), so it is part of the model cache key.
        builder.ReplaceService<IModelCacheKeyFactory, HotspotModelCacheKeyFactory>();
        // Migrations are hand-written without a model snapshot; the schema test checks them against the model instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StorageOptions options) =>
        options.Provider == DatabaseProvider.Sqlite
            ? Configure(builder, DatabaseProvider.Sqlite, SqliteConnectionString(options.SqlitePath))
            : Configure(builder, DatabaseProvider.PostgreSql, options.ConnectionString!);

    public static string SqliteConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true }.ToString();
}
