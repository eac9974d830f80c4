namespace Hotspot.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
