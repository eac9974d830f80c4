using System.Net;
using Hotspot.Storage;
using Hotspot.Tests.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hotspot.Tests.Api;

/// <summary>The documented start-up paths log nothing at Error: Error means a defect.</summary>
[Slow(TestCategories.Host)]
public class StartupLogTests
{
    [Test]
    public async Task A_fresh_sqlite_file_starts_without_an_error()
    {
        var logs = await StartAsync(new Dictionary<string, string?> { ["Development:SeedDemo"] = "true" });
        Assert.That(logs.Errors, Is.Empty, string.Join("\n", logs.Errors));
        Assert.That(logs.Entries.Select(e => e.Message), Has.Some.Contains("Database ready on Sqlite"));
    }

    [Test]
    public async Task A_postgresql_database_the_api_creates_itself_starts_without_an_error()
    {
        var admin = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
            Assert.Ignore($"PostgreSQL tests need {TestDatabase.PostgresVariable}.");
        var name = "hotspot_test_" + Guid.NewGuid().ToString("N");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            var logs = await StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Hotspot"] = connectionString });
            Assert.That(logs.Errors, Is.Empty, string.Join("\n", logs.Errors));
            Assert.That(logs.Entries.Select(e => e.Message), Has.Some.Contains("Database ready on PostgreSql"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Test]
    public async Task An_empty_postgresql_database_starts_without_an_error()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql);
        var logs = await StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Hotspot"] = database.ConnectionString });
        Assert.That(logs.Errors, Is.Empty, string.Join("\n", logs.Errors));
    }

    [Test]
    public async Task A_second_start_on_a_migrated_postgresql_database_logs_no_error()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var logs = await StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Hotspot"] = database.ConnectionString });
        Assert.That(logs.Errors, Is.Empty, string.Join("\n", logs.Errors));
    }

    /// <summary>Starts the API (without a bootstrap admin: Development makes one), waits for health, stops it.</summary>
    private static async Task<CapturedLogs> StartAsync(Dictionary<string, string?> settings)
    {
        var logs = new CapturedLogs();
        settings["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"] = "";
        await using var api = new TestApi(settings);
        await using var factory = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var client = factory.CreateClient();
        Assert.That((await client.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return logs;
    }
}
