namespace Hotspot.Storage;

/// <summary>
/// Where data lives. Without a connection string the API uses a SQLite file in <see cref="DataDirectory"/>;
/// with <c>ConnectionStrings:Hotspot</c> (env <c>ConnectionStrings__Hotspot</c>) it uses PostgreSQL.
/// </summary>
public sealed class StorageOptions
{
    public const string DefaultDataDirectory = "data";
    public const string SqliteFileName = "hotspot.db";

    /// <summary>From <c>HOTSPOT_DATA_DIR</c>; also holds the development encryption key.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>An Npgsql connection string; empty means SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations when the host starts (default). Turn off to migrate separately.</summary>
    public bool ApplyMigrationsOnStartup { get; set; } = true;

    public DatabaseProvider Provider =>
        string.IsNullOrWhiteSpace(ConnectionString) ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    public string SqlitePath => Path.Combine(DataDirectory, SqliteFileName);
}
