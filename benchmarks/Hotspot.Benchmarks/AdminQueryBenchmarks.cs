using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Hotspot.Api.Auth;
using Hotspot.Api.GraphQL;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Users;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;
using Hotspot.Storage;
using Hotspot.Storage.Extensions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Benchmarks;

/// <summary>
/// The admin API's real schema binding (schema.graphql and Hotspot.Api's resolvers) executing dashboard queries
/// over a SQLite file, signed in as a platform admin: what a change to resolver binding costs per request.
/// <c>OrganizationPage</c> reads two connections and a data loader (SQLite dominates); <c>MeTwentyTimes</c> resolves
/// <c>me</c> and <c>User.organization</c> twenty times without touching the database (the user is cached per request
/// scope, which this benchmark keeps), so it measures resolver dispatch and argument binding alone.
/// </summary>
[MemoryDiagnoser]
public class AdminQueryBenchmarks
{
    private const string OrganizationPageQuery = """
        query Page($id: ID!) {
          organization(id: $id) {
            id name mpesaState kopokopoState
            plans(first: 10, order: [{ priceKes: ASC }]) {
              totalCount
              pageInfo { hasNextPage endCursor }
              edges { cursor node { id name priceKes durationSeconds maxDevices isActive } }
            }
            vouchers(first: 20, where: { status: { eq: UNUSED } }) {
              nodes { id code status source durationSeconds plan { id name } }
            }
          }
        }
        """;

    private string _dataDirectory = null!;
    private ServiceProvider _services = null!;
    private IServiceScope _cachedUserScope = null!;
    private ExecutableSchema _schema = null!;
    private DocumentNode _organizationPage = null!;
    private DocumentNode _meTwentyTimes = null!;
    private System.Text.Json.JsonElement _variables;

    [GlobalSetup]
    public void Setup()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "hotspot-bench-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HOTSPOT_DATA_DIR"] = _dataDirectory,
            ["HOTSPOT_ENCRYPTION_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var http = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHotspotStorage(configuration);
        services.AddOptions<AuthOptions>().Configure(o => o.TokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        services.AddSingleton<BearerTokens>();
        services.AddSingleton<IHttpContextAccessor>(http);
        services.AddScoped<CurrentUser>();
        _services = services.BuildServiceProvider();

        var (organizationId, admin) = SeedAsync().GetAwaiter().GetResult();
        var (token, _) = _services.GetRequiredService<BearerTokens>().Issue(admin);
        http.HttpContext.Request.Headers.Authorization = "Bearer " + token;

        _schema = AdminSchema.Load(AdminSchema.DefaultPath);
        _organizationPage = Parser.Parse(OrganizationPageQuery);
        _meTwentyTimes = Parser.Parse("{ " + string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"m{i}: me {{ id email role isActive createdAt lastLoginAt organization {{ id }} }} ")) + "}");
        _variables = System.Text.Json.JsonDocument.Parse($$"""{ "id": "{{organizationId}}" }""").RootElement.Clone();
        _cachedUserScope = _services.CreateScope();
        Check(OrganizationPage().AsTask().GetAwaiter().GetResult(), "\"code\":\"V");
        Check(MeTwentyTimes().AsTask().GetAwaiter().GetResult(), "\"m19\":{\"id\"");
    }

    private static void Check(ExecutionResult result, string expected)
    {
        var json = result.ToJson();
        if (result.Errors.Count > 0 || !json.Contains(expected, StringComparison.Ordinal))
            throw new InvalidOperationException("The benchmark query does not execute cleanly: " + json);
    }

    private async Task<(Guid OrganizationId, User Admin)> SeedAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<HotspotDbContext>>().CreateDbContextAsync();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        var now = DateTime.UtcNow;
        var organization = Organization.Create("Benchmark Wi-Fi", "bench", now);
        db.Organizations.Add(organization);
        var admin = User.Create("bench@example.com", "not-a-real-hash", UserRole.PlatformAdmin, null, now);
        db.Users.Add(admin);
        var plans = Enumerable.Range(1, 25).Select(i => Plan.Create(organization.Id,
            new PlanSettings($"Plan {i}", 10 * i, TimeSpan.FromHours(i), null, null, null, 1), now)).ToList();
        db.Plans.AddRange(plans);
        for (int i = 0; i < 60; i++)
            db.Vouchers.Add(Voucher.IssueUnused(plans[i % plans.Count], $"V{i:D5}", VoucherSource.Batch, null, now));
        await db.SaveChangesAsync();
        return (organization.Id, admin);
    }

    /// <summary>A fresh request scope, as each HTTP request has.</summary>
    [Benchmark]
    public async ValueTask<ExecutionResult> OrganizationPage()
    {
        await using var scope = _services.CreateAsyncScope();
        return await Executor.ExecuteAsync(_schema, _organizationPage, null, _variables, null, scope.ServiceProvider);
    }

    /// <summary>One long-lived scope: the signed-in user is read once, so no database work remains.</summary>
    [Benchmark]
    public ValueTask<ExecutionResult> MeTwentyTimes() =>
        Executor.ExecuteAsync(_schema, _meTwentyTimes, null, null, null, _cachedUserScope.ServiceProvider);

    [GlobalCleanup]
    public void Cleanup()
    {
        _cachedUserScope.Dispose();
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
