using System.Net;
using Hotspot.Storage;
using Hotspot.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api;

/// <summary>The host switches to PostgreSQL when <c>ConnectionStrings:Hotspot</c> is set, and migrates it.</summary>
[Slow(TestCategories.Host)]
public class PostgresHostTests
{
    [Test]
    public async Task With_a_connection_string_the_api_migrates_and_uses_postgresql()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql);
        await using var api = new TestApi(new Dictionary<string, string?> { ["ConnectionStrings:Hotspot"] = database.ConnectionString });
        using var client = api.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"database\":{\"status\":\"Healthy\""));
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>().CreateDbContextAsync();
        Assert.That(db.Provider, Is.EqualTo(DatabaseProvider.PostgreSql));
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
        Assert.That(File.Exists(Path.Combine(api.DataDirectory, StorageOptions.SqliteFileName)), Is.False);
    }
}
