using Npgsql;

namespace Hotspot.Storage;

/// <summary>
/// Connection settings that cut database round trips on the hot paths (callbacks, the dashboard), applied unless the
/// operator's connection string sets them. Every query is a few fixed statements, so preparing them once per
/// connection saves PostgreSQL parsing and planning each time; and the application never changes session state
/// (no SET, temporary tables or LISTEN), so a pooled connection needs no <c>DISCARD ALL</c>, which would also drop
/// the prepared statements.
/// </summary>
public static class PostgreSqlConnectionDefaults
{
    public const int MaxAutoPrepare = 64;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
            builder.MaxAutoPrepare = MaxAutoPrepare;
        if (!Sets(connectionString, "No Reset On Close", "NoResetOnClose"))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static bool Sets(string connectionString, params string[] keys) =>
        connectionString.Split(';').Select(part => part.Split('=', 2)[0].Trim())
            .Any(key => keys.Contains(key, StringComparer.OrdinalIgnoreCase));
}
