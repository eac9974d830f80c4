using Hotspot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hotspot.Tests.Storage;

/// <summary>The start-up check that skips EF Core's model when every migration is applied must agree with EF Core.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class AppliedMigrationsTests(DatabaseProvider provider)
{
    [Test]
    public async Task Knows_the_same_migrations_as_ef_core()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var db = database.CreateDbContext();
        Assert.That(AppliedMigrations.Known, Is.EquivalentTo(db.Database.GetMigrations()));
        Assert.That(AppliedMigrations.Known, Is.Not.Empty);
    }

    [Test]
    public async Task All_applied_only_once_every_migration_is_in_the_history()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        var options = OptionsFor(database);
        Assert.That(await AppliedMigrations.AllAppliedAsync(options, CancellationToken.None), Is.False, "empty database");

        await database.MigrateAsync();
        Assert.That(await AppliedMigrations.AllAppliedAsync(options, CancellationToken.None), Is.True, "migrated");

        await using (var db = database.CreateDbContext())
        {
            var last = AppliedMigrations.Known.Max()!;
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
        }
        Assert.That(await AppliedMigrations.AllAppliedAsync(options, CancellationToken.None), Is.False, "one missing");
    }

    [Test]
    public async Task A_database_that_does_not_exist_has_nothing_applied()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        var options = OptionsFor(database);
        if (provider == DatabaseProvider.Sqlite)
            options.DataDirectory = Path.Combine(options.DataDirectory, "missing");
        else
            options.ConnectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Database = "hotspot_missing_" + Guid.NewGuid().ToString("N") }.ConnectionString;
        Assert.That(await AppliedMigrations.AllAppliedAsync(options, CancellationToken.None), Is.False);
    }

    private StorageOptions OptionsFor(TestDatabase database) => provider == DatabaseProvider.Sqlite
        ? new StorageOptions { DataDirectory = Path.GetDirectoryName(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)! }
        : new StorageOptions { ConnectionString = database.ConnectionString };
}
