using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Hotspot.Storage;

/// <summary>
/// Tells, with one plain query, whether the database already has every migration this build knows. Start-up asks this
/// first: EF Core's own check builds the whole model (about half of the start time), which a database that is up to
/// date does not need before the API listens; the first query builds it instead.
/// </summary>
public static class AppliedMigrations
{
    private const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>The migration ids in this assembly, as EF Core finds them (<see cref="MigrationAttribute"/> on a type for our context).</summary>
    public static IReadOnlySet<string> Known { get; } = typeof(HotspotDbContext).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(HotspotDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToHashSet();

    /// <summary>True when every known migration is in the history table; false when any is missing, or the database or table is.</summary>
    public static async Task<bool> AllAppliedAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        var applied = options.Provider == DatabaseProvider.Sqlite
            ? await ReadSqliteAsync(options.SqlitePath, cancellationToken)
            : await ReadPostgreSqlAsync(options.ConnectionString!, cancellationToken);
        return applied is not null && Known.IsSubsetOf(applied);
    }

    private static async Task<HashSet<string>?> ReadPostgreSqlAsync(string connectionString, CancellationToken cancellationToken)
    {
        // The same connection string as the context's, so this connection goes back to the pool the API then uses.
        await using var connection = new NpgsqlConnection(PostgreSqlConnectionDefaults.Apply(connectionString));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT \"MigrationId\" FROM \"{HistoryTable}\"", connection);
            return await ReadIdsAsync(command, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    private static async Task<HashSet<string>?> ReadSqliteAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            return null;
        await using var connection = new SqliteConnection(HotspotDbContextOptions.SqliteConnectionString(path));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'";
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
            return null;
        command.CommandText = $"SELECT \"MigrationId\" FROM \"{HistoryTable}\"";
        return await ReadIdsAsync(command, cancellationToken);
    }

    private static async Task<HashSet<string>> ReadIdsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetString(0));
        return ids;
    }
}
