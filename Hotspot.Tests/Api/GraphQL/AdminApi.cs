using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotspot.Storage;
using Hotspot.Tests.Storage;

namespace Hotspot.Tests.Api.GraphQL;

/// <summary>
/// The real API with a bootstrap platform admin, on SQLite or (with HOTSPOT_TEST_POSTGRES) a fresh PostgreSQL
/// database. Providers point at a closed local port, so provider calls fail fast and are recorded as failures.
/// </summary>
internal sealed class AdminApi : IAsyncDisposable
{
    public const string AdminEmail = "root@platform.test";
    public const string AdminPassword = "correct horse battery staple";
    public const string RadiusSecret = "made-up-radius-secret-5d1e";

    private readonly TestDatabase? _database;

    private AdminApi(TestApi api, TestDatabase? database)
    {
        Api = api;
        _database = database;
        Client = api.CreateClient();
    }

    public TestApi Api { get; }
    public HttpClient Client { get; }

    public static async Task<AdminApi> StartAsync(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?>
        {
            ["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"] = AdminEmail,
            ["HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD"] = AdminPassword,
            ["Providers:Daraja:SandboxBaseUrl"] = "http://127.0.0.1:9",
            ["Providers:KopoKopo:SandboxBaseUrl"] = "http://127.0.0.1:9",
            ["Providers:Retry:MaxRetryAttempts"] = "0",
            ["Sandbox:Enabled"] = "false",
            ["Payments:CallbackBaseUrl"] = "https://hotspot.test",
            ["Radius:SharedSecret"] = RadiusSecret,
        };
        TestDatabase? database = null;
        if (provider == DatabaseProvider.PostgreSql)
        {
            database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql);
            settings["ConnectionStrings:Hotspot"] = database.ConnectionString;
        }
        return new AdminApi(new TestApi(settings), database);
    }

    public async Task<string> LoginAsync(string email, string password)
    {
        var result = await PostAsync("mutation($i: LoginInput!) { login(input: $i) { token } }",
            new { i = new { email, password } });
        Assert.That(result["errors"], Is.Null, result.ToJsonString());
        return result["data"]!["login"]!["token"]!.GetValue<string>();
    }

    /// <summary>Posts a GraphQL request; the raw text is kept so secrets can be searched for.</summary>
    public async Task<JsonObject> PostAsync(string query, object? variables = null, string? token = null)
    {
        var text = await PostRawAsync(query, variables, token);
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<string> PostRawAsync(string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    public static string? Code(JsonObject result) => result["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
