using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotspot.Api.Development;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Subscriptions;

/// <summary>
/// The real API on Kestrel (a free 127.0.0.1 port, so WebSocket and Node clients connect as they would in
/// production) with its sandbox simulators reaching it over HTTP, on a <see cref="BillingDatabase"/>. Several may run
/// on one database (instances of one deployment). A platform admin is bootstrapped; <see cref="LoginAsync"/> signs in.
/// </summary>
public sealed class LiveApi : WebApplicationFactory<Program>
{
    public const string AdminEmail = "root@subscriptions.test";
    public const string AdminPassword = "correct horse battery staple";

    private readonly BillingDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public LiveApi(BillingDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _database = database;
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    static LiveApi()
    {
        // Many hosts start and stop in one test run: no file watchers for appsettings (the inotify limit is shared).
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "true",
            ["Development:SeedDemo"] = "true",
            // The simulated customer pays half a second after the prompt: an event carries its row as read after the
            // change, so a faster payment could be read by the PENDING event (SQLite's change reader polls every 100 ms).
            ["Sandbox:Delays:Result"] = "00:00:00.500",
            ["RateLimits:PortalPermitsPerMinute"] = "100000",
            ["RateLimits:PurchasesPerAddressPerMinute"] = "100000",
            ["RateLimits:PromptsPerPhone"] = "100000",
            ["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"] = AdminEmail,
            ["HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD"] = AdminPassword,
            // One key for every instance of a deployment, so a token from one is good on the other.
            ["HOTSPOT_AUTH_TOKEN_KEY"] = "c3Vic2NyaXB0aW9uLXRlc3RzLW1hZGUtdXAta2V5LTMyYnl0ZXM=",
        };
        foreach (var (key, value) in _database.Settings()) settings[key] = value;
        foreach (var (key, value) in _settings) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>The API's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    public Uri GraphQLUrl => new(BaseAddress, "/graphql");

    public Uri WebSocketUrl => new UriBuilder(GraphQLUrl) { Scheme = "ws" }.Uri;

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    public IDbContextFactory<HotspotDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>();

    public async Task<Organization> DemoOrganizationAsync()
    {
        StartServer();
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Organizations.AsNoTracking().SingleAsync(o => o.Name == DemoOrganization.Name);
    }

    public async Task<Plan> DemoPlanAsync()
    {
        var organization = await DemoOrganizationAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Plans.AsNoTracking().Where(p => p.OrganizationId == organization.Id).OrderBy(p => p.PriceKes).FirstAsync();
    }

    public async Task<string> LoginAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var login = await GraphQLAsync(null, "mutation($i: LoginInput!) { login(input: $i) { token } }", new { i = new { email, password } });
        return login["login"]!["token"]!.GetValue<string>();
    }

    /// <summary>A new user of <paramref name="organizationId"/> (or a platform admin), signed in: (id, token).</summary>
    public async Task<(string Id, string Token)> CreateUserAsync(string adminToken, string role, Guid? organizationId)
    {
        var email = $"user-{Guid.NewGuid():N}@subscriptions.test";
        var created = await GraphQLAsync(adminToken, "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
            new { i = new { email, password = AdminPassword, role, organizationId } });
        return (created["createUser"]!["id"]!.GetValue<string>(), await LoginAsync(email, AdminPassword));
    }

    public async Task<Guid> CreateOrganizationAsync(string adminToken, string name)
    {
        var created = await GraphQLAsync(adminToken, "mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }",
            new { i = new { name } });
        return Guid.Parse(created["createOrganization"]!["id"]!.GetValue<string>());
    }

    public async Task<JsonNode> GraphQLAsync(string? token, string query, object? variables = null)
    {
        using var client = CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(result["errors"], Is.Null, result.ToJsonString());
        return result["data"]!;
    }
}
