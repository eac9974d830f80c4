using System.Data.Common;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hotspot.Tests.Storage;

/// <summary>
/// Describes a schema as sorted lines (tables, columns with store type and nullability, primary keys, indexes and
/// whether they are partial),
/// once from the database catalogue and once from the EF model, so the two can be compared.
/// </summary>
internal static class SchemaCatalog
{
    public static List<string> FromModel(HotspotDbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var lines = new List<string>();
        foreach (var table in model.Tables)
        {
            lines.Add($"table {table.Name}");
            foreach (var column in table.Columns)
                lines.Add($"column {table.Name}.{column.Name} {Normalize(db.Provider, column.StoreType)} {(column.IsNullable ? "null" : "not null")}");
            if (table.PrimaryKey is { } key)
                lines.Add($"primary key {table.Name} ({string.Join(", ", key.Columns.Select(c => c.Name))})");
            foreach (var index in table.Indexes)
                lines.Add($"index {table.Name}.{index.Name} ({string.Join(", ", index.Columns.Select(c => c.Name))}){(index.IsUnique ? " unique" : "")}{(index.Filter is null ? "" : " partial")}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static async Task<List<string>> FromDatabaseAsync(HotspotDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            return db.Provider == DatabaseProvider.Sqlite ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'",
            r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) == 1, Pk: r.GetInt64(3)));
            foreach (var column in columns)
                lines.Add($"column {table}.{column.Name} {Normalize(DatabaseProvider.Sqlite, column.Type)} {(column.NotNull ? "not null" : "null")}");
            var key = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            if (key.Count > 0)
                lines.Add($"primary key {table} ({string.Join(", ", key)})");
            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", partial FROM pragma_index_list('{table}') WHERE origin = 'c'",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Partial: r.GetInt64(2) == 1));
            foreach (var index in indexes)
            {
                var indexColumns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno", r => r.GetString(0));
                lines.Add($"index {table}.{index.Name} ({string.Join(", ", indexColumns)}){(index.Unique ? " unique" : "")}{(index.Partial ? " partial" : "")}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_\\_EFMigrations%'",
            r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            var columns = await QueryAsync(connection,
                $"SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'",
                r => (Name: r.GetString(0), Type: r.GetString(1), Nullable: r.GetString(2) == "YES"));
            foreach (var column in columns)
                lines.Add($"column {table}.{column.Name} {Normalize(DatabaseProvider.PostgreSql, column.Type)} {(column.Nullable ? "null" : "not null")}");
            var indexes = await QueryAsync(connection, $"""
                SELECT i.relname, ix.indisunique, ix.indisprimary,
                       string_agg(a.attname, ', ' ORDER BY k.ord), ix.indpred IS NOT NULL
                FROM pg_index ix
                JOIN pg_class t ON t.oid = ix.indrelid
                JOIN pg_class i ON i.oid = ix.indexrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                WHERE n.nspname = 'public' AND t.relname = '{table}'
                GROUP BY i.relname, ix.indisunique, ix.indisprimary, ix.indpred IS NOT NULL
                """, r => (Name: r.GetString(0), Unique: r.GetBoolean(1), Primary: r.GetBoolean(2), Columns: r.GetString(3), Partial: r.GetBoolean(4)));
            foreach (var index in indexes)
                lines.Add(index.Primary
                    ? $"primary key {table} ({index.Columns})"
                    : $"index {table}.{index.Name} ({index.Columns}){(index.Unique ? " unique" : "")}{(index.Partial ? " partial" : "")}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Normalize(DatabaseProvider provider, string? storeType) =>
        provider == DatabaseProvider.Sqlite ? (storeType ?? "").ToUpperInvariant() : (storeType ?? "").ToLowerInvariant();

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var results = new List<T>();
        while (await reader.ReadAsync())
            results.Add(read(reader));
        return results;
    }
}
