using System.Net;
using Hotspot.Storage;
using Hotspot.Storage.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api;

public class HealthTests
{
    [Test]
    public async Task Readyz_answers_ok_on_a_fresh_sqlite_data_directory_after_migrating()
    {
        await using var api = new TestApi();
        using var client = api.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain("\"database\":{\"status\":\"Healthy\""));
        Assert.That(body, Does.Contain("\"migrations\":{\"status\":\"Healthy\""));
        Assert.That((await client.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(File.Exists(Path.Combine(api.DataDirectory, StorageOptions.SqliteFileName)), Is.True);
        Assert.That(File.Exists(Path.Combine(api.DataDirectory, EncryptionKeyRing.DevelopmentKeyFileName)), Is.True);
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>().CreateDbContextAsync();
        Assert.That(db.Provider, Is.EqualTo(DatabaseProvider.Sqlite));
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
        Assert.That(await db.Organizations.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Readyz_answers_503_when_the_database_is_unreachable_while_healthz_stays_live()
    {
        await using var api = new TestApi(new Dictionary<string, string?>
        {
            // Nothing listens on port 1; migrations are off so the host can start without a database.
            ["ConnectionStrings:Hotspot"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=made-up;Database=none;Timeout=2",
            ["Storage:ApplyMigrationsOnStartup"] = "false",
        });
        using var client = api.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain("database unavailable"));
        Assert.That(body, Does.Not.Contain("made-up"));
        Assert.That((await client.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "liveness does not depend on the database");
    }

    [Test]
    public async Task Readyz_answers_503_until_the_migrations_are_applied()
    {
        await using var api = new TestApi(new Dictionary<string, string?> { ["Storage:ApplyMigrationsOnStartup"] = "false" });
        using var client = api.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("migrations unavailable"));
    }

    [Test]
    public async Task A_configured_encryption_key_is_used_instead_of_the_development_key()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var api = new TestApi(new Dictionary<string, string?> { ["HOTSPOT_ENCRYPTION_KEY"] = key });
        using var client = api.CreateClient();
        Assert.That((await client.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var ring = api.Services.GetRequiredService<EncryptionKeyRing>();
        Assert.That(ring.IsDevelopmentKey, Is.False);
        Assert.That(ring.CurrentKeyId, Is.EqualTo(EncryptionKeyRing.KeyIdOf(Convert.FromBase64String(key))));
        Assert.That(File.Exists(Path.Combine(api.DataDirectory, EncryptionKeyRing.DevelopmentKeyFileName)), Is.False);
    }
}
