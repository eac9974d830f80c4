using Hotspot.Storage;

namespace Hotspot.Tests.Storage;

/// <summary>
/// Base of fixtures that run once on SQLite and once on PostgreSQL (declare both with <c>[TestFixture(...)]</c>),
/// against one migrated database each.
/// </summary>
public abstract class DatabaseFixture(DatabaseProvider provider)
{
    protected DatabaseProvider Provider { get; } = provider;
    protected TestDatabase Database { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => Database = await TestDatabase.CreateAsync(Provider);

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (Database is not null)
            await Database.DisposeAsync();
    }
}
