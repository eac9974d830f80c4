using System.Security.Cryptography;
using Hotspot.Storage;
using Hotspot.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// Where a billing test's API keeps its data, kept across API restarts: a SQLite data folder, or a fresh PostgreSQL
/// database (<c>HOTSPOT_TEST_POSTGRES</c>; ignored without it, failing when it is set but unreachable).
/// </summary>
public sealed class BillingDatabase : IAsyncDisposable
{
    private readonly TestDatabase? _postgres;

    private BillingDatabase(DatabaseProvider provider, TestDatabase? postgres)
    {
        Provider = provider;
        _postgres = postgres;
    }

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hotspot-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Made up per database, so restarts decrypt what earlier hosts wrote.</summary>
    public string EncryptionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<BillingDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite
            ? new BillingDatabase(provider, null)
            : new BillingDatabase(provider, await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql));

    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("HOTSPOT_DATA_DIR", DataDirectory);
        yield return new("HOTSPOT_ENCRYPTION_KEY", EncryptionKey);
        if (_postgres is not null)
            yield return new("ConnectionStrings:Hotspot", _postgres.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (DirectoryNotFoundException) { } catch (IOException) { }
    }
}
