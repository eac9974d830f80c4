using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Storage;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class MigratedSchemaTests(DatabaseProvider provider)
{
    [Test]
    public async Task Migrated_schema_equals_the_model()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();

        var fromDatabase = await SchemaCatalog.FromDatabaseAsync(db);
        var fromModel = SchemaCatalog.FromModel(db);

        Assert.That(fromDatabase, Is.EqualTo(fromModel),
            "Only in the database:\n  " + string.Join("\n  ", fromDatabase.Except(fromModel)) +
            "\nOnly in the model:\n  " + string.Join("\n  ", fromModel.Except(fromDatabase)));
        Assert.That(fromModel, Has.Some.StartsWith("table organizations"));
        Assert.That(fromModel, Has.Member("index vouchers.ux_vouchers_code (code) unique"));
    }

    [Test]
    public async Task Every_tenant_table_has_organization_id()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var lines = await SchemaCatalog.FromDatabaseAsync(db);
        foreach (var table in new[] { "plans", "vouchers", "purchases", "isp_mpesa_transactions", "isp_kopokopo_transactions", "users", "audit_log" })
            Assert.That(lines, Has.Some.StartsWith($"column {table}.organization_id "), table);
    }

    [Test]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        Assert.That(await DatabaseMigrator.MigrateAsync(db, CancellationToken.None), Is.Zero);
        Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.Not.Empty);
    }
}
