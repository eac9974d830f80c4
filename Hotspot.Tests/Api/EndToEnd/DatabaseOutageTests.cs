using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotspot.Api.Health;
using Hotspot.Api.Payments;
using Hotspot.Providers.Simulation;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// PostgreSQL goes away in the middle of a purchase (a proxy between the API and the server is cut): callbacks,
/// portal polls and GraphQL answer 503 with Retry-After, nothing logs at Error, and once the database is back the
/// reconciler settles the purchase whose callback was refused.
/// </summary>
[Slow(TestCategories.Host)]
public class DatabaseOutageTests
{
    private const string AdminEmail = "outage-admin@platform.test";
    private const string AdminPassword = "an outage admin password";

    [Test]
    public async Task While_postgresql_is_down_the_routes_answer_503_and_the_purchase_is_paid_once_it_is_back()
    {
        await using var database = await BillingDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var real = new NpgsqlConnectionStringBuilder(database.Settings().Single(s => s.Key == "ConnectionStrings:Hotspot").Value);
        await using var proxy = TcpProxy.Start(real.Host!, real.Port);
        var proxied = new NpgsqlConnectionStringBuilder(real.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port };
        var logs = new CapturedLogs();
        await using var api = new BillingApi(database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hotspot"] = proxied.ConnectionString,
            ["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"] = AdminEmail,
            ["HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD"] = AdminPassword,
            // The customer takes 3 s to enter the PIN: the provider's callback arrives while the database is down.
            ["Sandbox:Delays:Result"] = "00:00:03",
        }, configureServices: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = api.CreateClient();
        var organization = await api.DemoOrganizationAsync();
        var plan = await api.DemoPlanAsync();
        var token = await LoginAsync(client);
        var purchaseId = await Portal.StartAsync(client, organization.Id, plan.Id, SandboxScenarios.SuccessPhone);
        string checkoutRequestId;
        await using (var db = await api.Contexts.CreateDbContextAsync())
            checkoutRequestId = (await db.Purchases.SingleAsync(p => p.Id == purchaseId)).ProviderRequestId!;

        proxy.Cut();
        var cutAt = logs.Entries.Count;
        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("portal poll", await client.GetAsync($"/api/hotspot/purchases/{purchaseId}")),
            ("plans", await client.GetAsync($"/api/hotspot/organizations/{organization.Id}/plans")),
            ("daraja callback", await Callbacks.PostAsync(client, Callbacks.DarajaUrl(organization.Id, organization.DarajaCallbackToken),
                Callbacks.StkSuccess(checkoutRequestId, plan.PriceKes, "TOUTAGE001"))),
            ("kopo kopo callback", await Callbacks.PostAsync(client, $"/api/payments/kopokopo/callback/{organization.Id}/buygoods",
                """{"topic":"buygoods_transaction_received"}""", "made-up-signature")),
            ("graphql query", await GraphQLAsync(client, "{ organizations { id name } }", token)),
            ("graphql login", await GraphQLAsync(client, $$"""mutation { login(input: { email: "{{AdminEmail}}", password: "{{AdminPassword}}" }) { token } }""", null)),
        };
        // The simulator's callback comes and is refused (Daraja does not retry); the reconciler fails a few rounds.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!logs.Entries.Any(e => IsRefusedSimulatorCallback(e.Message)) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.That(logs.Entries.Any(e => IsRefusedSimulatorCallback(e.Message)), Is.True, "the provider's callback came during the outage");

        foreach (var (what, response) in answers)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), what + ": " + await response.Content.ReadAsStringAsync());
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)), what);
        }
        foreach (var (what, response) in answers.Where(a => a.What.StartsWith("graphql")))
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.That(body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(DatabaseUnavailableMiddleware.ServiceUnavailableCode), what);
        }
        var duringOutage = logs.Entries.Skip(cutAt).ToList();
        var errors = duringOutage.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.That(errors, Is.Empty, string.Join("\n", errors));
        var warnings = duringOutage.Where(e => e.Category == typeof(DatabaseUnavailableMiddleware).FullName).ToList();
        Assert.That(warnings, Has.Count.GreaterThanOrEqualTo(answers.Count));
        Assert.That(warnings, Has.All.Matches<CapturedLogs.Entry>(e => e.Level == LogLevel.Warning && e.Exception is null));
        TestContext.Out.WriteLine($"During the outage: {duringOutage.Count} log entries, {warnings.Count} 503 warnings, " +
            $"{duringOutage.Count(e => e.Level >= LogLevel.Error)} at Error");

        proxy.Restore();
        var outcome = await Portal.WaitForOutcomeAsync(client, purchaseId, TimeSpan.FromSeconds(30));

        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("PAID"));
        // The provider's only callback was refused, so the reconciler's query settled it.
        Assert.That(logs.Entries.Where(e => e.Category == typeof(PaymentReconciler).FullName).Select(e => e.Message),
            Has.Some.Contains($"Reconciler: purchase {purchaseId}"));
    }

    private static async Task<string> LoginAsync(HttpClient client)
    {
        using var response = await GraphQLAsync(client, $$"""mutation { login(input: { email: "{{AdminEmail}}", password: "{{AdminPassword}}" }) { token } }""", null);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["data"]!["login"]!["token"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> GraphQLAsync(HttpClient client, string query, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    // Serilog renders string values quoted when it forwards events to other providers.
    private static bool IsRefusedSimulatorCallback(string message) =>
        message.Replace("\"", "").Contains("Simulator callback to localhost answered 503");
}
