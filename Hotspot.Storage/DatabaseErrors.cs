using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotspot.Storage;

/// <summary>Recognises database errors that mean "this row already exists" on either database, or "try again" on PostgreSQL.</summary>
public static class DatabaseErrors
{
    private const string PostgresUniqueViolation = "23505";
    private const string PostgresDeadlockDetected = "40P01";
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when postgres.SqlState == PostgresUniqueViolation:
                    return true;
                case SqliteException sqlite when sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
            }
        }
        return false;
    }

    /// <summary>PostgreSQL rolled this transaction back to break a deadlock: nothing of it was written, and it may run again.</summary>
    public static bool IsDeadlock(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresDeadlockDetected })
                return true;
        }
        return false;
    }
}
