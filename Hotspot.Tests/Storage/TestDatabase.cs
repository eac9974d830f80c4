using System.Security.Cryptography;
using Hotspot.Storage;
using Hotspot.Storage.Secrets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hotspot.Tests.Storage;

/// <summary>
/// A fresh, migrated database for one test fixture: a SQLite file in a temp folder, or a uniquely named
/// PostgreSQL database on the server in <c>HOTSPOT_TEST_POSTGRES</c>, dropped afterwards. Without that variable
/// PostgreSQL tests are ignored; with it and no server, they fail.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<HotspotDbContext>, IAsyncDisposable
{
    public const string PostgresVariable = "HOTSPOT_TEST_POSTGRES";

    /// <summary>One protector for all tests, so EF builds the model once.</summary>
    public static readonly SecretProtector Protector = new(EncryptionKeyRing.Create(RandomNumberGenerator.GetBytes(32)));

    private readonly DbContextOptions<HotspotDbContext> _options;
    private readonly string? _sqliteDirectory;
    private readonly string? _postgresAdminConnection;
    private readonly string? _postgresDatabase;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresAdminConnection, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresAdminConnection = postgresAdminConnection;
        _postgresDatabase = postgresDatabase;
        var builder = new DbContextOptionsBuilder<HotspotDbContext>();
        HotspotDbContextOptions.Configure(builder, provider, connectionString);
        HotspotDbContextOptions.UseProtector(builder, Protector);
        _options = builder.Options;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Creates an empty database; call <see cref="MigrateAsync"/> to get the schema.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "hotspot-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var connection = HotspotDbContextOptions.SqliteConnectionString(Path.Combine(directory, "hotspot.db"));
            return new TestDatabase(provider, connection, directory, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
            Assert.Ignore($"PostgreSQL tests need {PostgresVariable} (an Npgsql connection string to a superuser); .ci/run sets it.");
        var name = "hotspot_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 120 };
        return new TestDatabase(provider, builder.ConnectionString, null, admin, name);
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await CreateEmptyAsync(provider);
        await database.MigrateAsync();
        return database;
    }

    public async Task MigrateAsync()
    {
        await using var db = CreateDbContext();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
    }

    public HotspotDbContext CreateDbContext() => new(_options);

    /// <summary>A context that encrypts with other keys (rotation tests); builds its own model.</summary>
    public HotspotDbContext CreateDbContext(SecretProtector protector) => new(HotspotDbContextOptions.WithProtector(_options, protector));

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteDirectory, recursive: true); } catch (IOException) { }
        }
        if (_postgresAdminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
