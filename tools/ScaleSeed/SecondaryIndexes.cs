using Npgsql;

namespace ScaleSeed;

/// <summary>
/// The secondary indexes of the tables the seed fills, taken off while rows are copied and built again afterwards
/// from their own definitions (pg_indexes): building an index over a million rows at once is many times faster than
/// growing it a row at a time. Primary keys stay (the seeded ids ascend, so they grow at their right edge).
/// </summary>
public sealed class SecondaryIndexes(IReadOnlyList<(string Name, string Definition)> indexes)
{
    public static async Task<SecondaryIndexes> DropAsync(NpgsqlConnection connection, IReadOnlyCollection<string> tables)
    {
        var indexes = new List<(string, string)>();
        await using (var read = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """, connection))
        {
            read.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }
        return new SecondaryIndexes(indexes);
    }

    /// <summary>Builds them again, two at a time (one per core here).</summary>
    public async Task CreateAsync(string connectionString, int parallel = 2)
    {
        var queue = new Queue<(string Name, string Definition)>(indexes);
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '256MB'", connection))
                await memory.ExecuteNonQueryAsync();
            while (true)
            {
                (string Name, string Definition) index;
                lock (queue)
                {
                    if (!queue.TryDequeue(out index)) return;
                }
                await using var create = new NpgsqlCommand(index.Definition, connection) { CommandTimeout = 0 };
                await create.ExecuteNonQueryAsync();
            }
        }));
    }
}
