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

    /// <summary>
    /// How long one database command may run before it is cancelled (<c>Storage:CommandTimeout</c>). Every page and
    /// count the API runs takes milliseconds; a command that takes seconds is a missing index, and is better failed
    /// than left to hold a connection.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = DefaultCommandTimeout;

    /// <summary>The limit for migrations at start-up (<c>Storage:MigrationCommandTimeout</c>): building an index or a rollup over a large table takes minutes.</summary>
    public TimeSpan MigrationCommandTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(15);

    public DatabaseProvider Provider =>
        string.IsNullOrWhiteSpace(ConnectionString) ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    public string SqlitePath => Path.Combine(DataDirectory, SqliteFileName);
}
