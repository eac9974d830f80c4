using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotspot.Storage;

/// <summary>Recognises database errors that mean "this row already exists" on either database.</summary>
public static class DatabaseErrors
{
    private const string PostgresUniqueViolation = "23505";
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
}
