using System.Net.Sockets;
using Hotspot.GraphQL.Execution;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotspot.Api.Health;

/// <summary>
/// Recognises exceptions that mean "the database cannot be reached right now" rather than a defect: a connection
/// refused, reset or timed out, a server shutting down or full, an exhausted pool, a SQLite file busy or locked.
/// Looks through wrappers (EF Core's DbUpdateException and retry exceptions, GraphQL field errors).
/// </summary>
public static class DatabaseUnavailableErrors
{
    // SQLITE_BUSY and SQLITE_LOCKED: another writer held the file longer than the busy timeout.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsDatabaseUnavailable(Exception exception) => Cause(exception) is not null;

    /// <summary>The GraphQL field error for a resolver whose database call failed so (the answer's status becomes 503).</summary>
    public static GraphQLException FieldError(Exception cause) =>
        new(DatabaseUnavailableMiddleware.Message, DatabaseUnavailableMiddleware.ServiceUnavailableCode, innerException: cause);

    /// <summary>
    /// A short description for a log line: the exception types from the outside in, and the socket error or
    /// SQL state. Never the messages, which can name hosts and users.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var types = new List<string>();
        for (var e = exception; e is not null && types.Count < 4; e = e.InnerException)
            types.Add(e switch
            {
                SocketException socket => $"{nameof(SocketException)} {socket.SocketErrorCode}",
                PostgresException postgres => $"{nameof(PostgresException)} {postgres.SqlState}",
                SqliteException sqlite => $"{nameof(SqliteException)} {sqlite.SqliteErrorCode}",
                _ => e.GetType().Name,
            });
        return string.Join(" <- ", types);
    }

    private static Exception? Cause(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState) ? postgres : null;
                case NpgsqlException npgsql when npgsql.InnerException is SocketException or IOException or TimeoutException
                    || npgsql.IsTransient:
                    return npgsql;
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked:
                    return sqlite;
            }
        }
        return null;
    }

    // Class 08 (connection exception), server shutting down or not yet accepting connections, too many connections.
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" or "53300";
}
