using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hotspot.Api.Auth;
using Hotspot.Domain.Users;
using Hotspot.Storage;
using Hotspot.Tests.Api.GraphQL;
using Hotspot.Tests.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.Auth;

/// <summary>
/// Failed sign-ins through the real <c>login</c> mutation: 5 per email in 15 minutes lock that email's password
/// sign-in for 15 minutes, known email or not; a wider bound per client address; lockouts are audited.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class SignInThrottlingTests(DatabaseProvider provider)
{
    private const string Password = "the right password, long enough";
    private const string LoginMutation = "mutation($i: LoginInput!) { login(input: $i) { token } }";

    private ThrottledApi _api = null!;
    private string _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // A wide address bound here, so the per-email tests (all from the test server's one address) do not meet it.
        _api = await ThrottledApi.StartAsync(provider, addressFailures: 1000);
        _platform = await _api.TokenAsync(AdminApi.AdminEmail, AdminApi.AdminPassword);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [Test]
    public async Task Fifty_sequential_wrong_passwords_check_five_and_then_the_right_one_waits_out_the_lockout()
    {
        var email = await _api.CreateUserAsync(_platform, "sequential");

        var answers = new List<JsonObject>();
        for (var i = 0; i < 50; i++)
            answers.Add(await _api.LoginAsync(email, "wrong password number " + i));

        Assert.That(answers.Take(5).Select(AdminApi.Code), Is.All.EqualTo("UNAUTHENTICATED"));
        Assert.That(answers.Skip(5).Select(AdminApi.Code), Is.All.EqualTo(TooManySignInAttempts.Code));
        Assert.That(RetryAfterSeconds(answers[5]), Is.EqualTo(15 * 60));
        var right = await _api.LoginAsync(email, Password);
        Assert.That(AdminApi.Code(right), Is.EqualTo(TooManySignInAttempts.Code), "locked: the right password is not even checked");

        _api.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await _api.LoginAsync(email, Password);
        Assert.That(AdminApi.Code(later), Is.EqualTo(TooManySignInAttempts.Code));
        Assert.That(RetryAfterSeconds(later), Is.EqualTo(5 * 60));

        _api.Clock.Advance(TimeSpan.FromMinutes(5));
        var after = await _api.LoginAsync(email, Password);
        Assert.That(after["errors"], Is.Null, after.ToJsonString());
        Assert.That(after["data"]!["login"]!["token"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Slow(TestCategories.Load)]
    [Test]
    public async Task A_hundred_parallel_wrong_passwords_check_at_most_five()
    {
        var email = await _api.CreateUserAsync(_platform, "parallel");

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => _api.LoginAsync(email, "parallel guess " + i)));

        var checkedAndWrong = answers.Count(a => AdminApi.Code(a) == "UNAUTHENTICATED");
        var refused = answers.Count(a => AdminApi.Code(a) == TooManySignInAttempts.Code);
        TestContext.Out.WriteLine($"{provider}: {checkedAndWrong} checked against the hash, {refused} refused unchecked");
        Assert.That(checkedAndWrong, Is.EqualTo(5));
        Assert.That(refused, Is.EqualTo(95));
        Assert.That(AdminApi.Code(await _api.LoginAsync(email, Password)), Is.EqualTo(TooManySignInAttempts.Code));
    }

    [Test]
    public async Task An_unknown_email_gets_exactly_the_answers_a_known_one_gets()
    {
        var known = await _api.CreateUserAsync(_platform, "known");
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8] + "@throttle.test";

        async Task<List<string>> AnswersAsync(string email)
        {
            var texts = new List<string>();
            for (var i = 0; i < 7; i++)
                texts.Add(await _api.LoginRawAsync(email, "guess " + i));
            return texts;
        }
        var knownAnswers = await AnswersAsync(known);
        var unknownAnswers = await AnswersAsync(unknown);

        Assert.That(unknownAnswers, Is.EqualTo(knownAnswers));
        Assert.That(knownAnswers[6], Does.Contain(TooManySignInAttempts.Code));
    }

    [Test]
    public async Task A_lockout_is_written_to_the_audit_log_without_the_password()
    {
        var email = await _api.CreateUserAsync(_platform, "audited");
        var unknown = "ghost-" + Guid.NewGuid().ToString("N")[..8] + "@throttle.test";
        for (var i = 0; i < 5; i++)
        {
            await _api.LoginAsync(email, "audited guess " + i);
            await _api.LoginAsync(unknown, "audited guess " + i);
        }

        await using var db = await _api.Contexts.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var entries = await db.AuditLog.Where(a => a.Action == UserAuditActions.SignInLocked).ToListAsync();
        var forUser = entries.Where(a => a.Details.Contains(user.Id.ToString())).ToList();
        Assert.That(forUser, Has.Count.EqualTo(1));
        Assert.That(forUser[0].OrganizationId, Is.EqualTo(user.OrganizationId));
        Assert.That(forUser[0].Actor, Is.EqualTo("system"));
        Assert.That(entries.Count(a => a.Details.Contains("names no user") && a.OrganizationId == null), Is.GreaterThanOrEqualTo(1));
        Assert.That(entries.Select(a => a.Details), Has.None.Contains("audited guess"));
        Assert.That(entries.Select(a => a.Details), Has.None.Contains(unknown), "an email nobody has is not stored");
    }

    [Test]
    public async Task One_address_failing_across_many_emails_meets_the_wider_address_bound()
    {
        await using var api = await ThrottledApi.StartAsync(provider, addressFailures: 8);
        var platform = await api.TokenAsync(AdminApi.AdminEmail, AdminApi.AdminPassword, "10.0.0.9");
        var victim = await api.CreateUserAsync(platform, "victim");

        // Four guesses at each of two emails and none locks (5 per email), but the address has used its 8.
        var codes = new List<string?>();
        foreach (var email in new[] { "first@throttle.test", "second@throttle.test" })
            for (var i = 0; i < 4; i++)
                codes.Add(AdminApi.Code(await api.LoginFromAsync("10.0.0.1", email, "spray " + i)));
        Assert.That(codes, Is.All.EqualTo("UNAUTHENTICATED"));

        var refused = await api.LoginFromAsync("10.0.0.1", victim, Password);
        Assert.That(AdminApi.Code(refused), Is.EqualTo(TooManySignInAttempts.Code));
        Assert.That(RetryAfterSeconds(refused), Is.InRange(1, 15 * 60));
        var otherAddress = await api.LoginFromAsync("10.0.0.2", victim, Password);
        Assert.That(otherAddress["errors"], Is.Null, "another address is not affected: " + otherAddress.ToJsonString());

        api.Clock.Advance(TimeSpan.FromMinutes(15));
        var afterWindow = await api.LoginFromAsync("10.0.0.1", victim, Password);
        Assert.That(afterWindow["errors"], Is.Null, afterWindow.ToJsonString());
    }

    private static int RetryAfterSeconds(JsonObject answer) =>
        answer["errors"]![0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>();

    /// <summary>The API with a bootstrap admin, a clock the test moves, and the given per-address bound.</summary>
    private sealed class ThrottledApi : IAsyncDisposable
    {
        private readonly TestApi _api;
        private readonly WebApplicationFactory<Program> _factory;
        private readonly TestDatabase? _database;
        private readonly HttpClient _client;

        private ThrottledApi(TestApi api, WebApplicationFactory<Program> factory, TestDatabase? database, ManualTimeProvider clock)
        {
            _api = api;
            _factory = factory;
            _database = database;
            Clock = clock;
            _client = factory.CreateClient();
        }

        public ManualTimeProvider Clock { get; }

        public IDbContextFactory<HotspotDbContext> Contexts => _factory.Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>();

        public static async Task<ThrottledApi> StartAsync(DatabaseProvider provider, int addressFailures)
        {
            var settings = new Dictionary<string, string?>
            {
                ["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"] = AdminApi.AdminEmail,
                ["HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD"] = AdminApi.AdminPassword,
                ["Sandbox:Enabled"] = "false",
                ["Payments:ReconcilerEnabled"] = "false",
                [SignInLimitOptions.SectionName + ":AddressFailures"] = addressFailures.ToString(),
            };
            TestDatabase? database = null;
            if (provider == DatabaseProvider.PostgreSql)
            {
                database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql);
                settings["ConnectionStrings:Hotspot"] = database.ConnectionString;
            }
            var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
            var api = new TestApi(settings);
            var factory = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
            return new ThrottledApi(api, factory, database, clock);
        }

        public async Task<string> TokenAsync(string email, string password, string? fromAddress = null)
        {
            var answer = fromAddress is null ? await LoginAsync(email, password) : await LoginFromAsync(fromAddress, email, password);
            Assert.That(answer["errors"], Is.Null, answer.ToJsonString());
            return answer["data"]!["login"]!["token"]!.GetValue<string>();
        }

        /// <summary>Creates a viewer of a new organization; returns its email (password <see cref="Password"/>).</summary>
        public async Task<string> CreateUserAsync(string platformToken, string name)
        {
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var organization = await PostAsync("mutation($n: String!) { createOrganization(input: { name: $n }) { id } }",
                new { n = $"Throttle {name} {suffix}" }, platformToken);
            var organizationId = organization["data"]!["createOrganization"]!["id"]!.GetValue<string>();
            var email = $"{name}-{suffix}@throttle.test";
            var created = await PostAsync("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                new { i = new { email, password = Password, role = "ORGANIZATION_VIEWER", organizationId } }, platformToken);
            Assert.That(created["errors"], Is.Null, created.ToJsonString());
            return email;
        }

        public async Task<JsonObject> LoginAsync(string email, string password) =>
            JsonNode.Parse(await LoginRawAsync(email, password))!.AsObject();

        public async Task<string> LoginRawAsync(string email, string password)
        {
            using var response = await _client.PostAsJsonAsync("/graphql", new { query = LoginMutation, variables = new { i = new { email, password } } });
            return await response.Content.ReadAsStringAsync();
        }

        /// <summary>A login through the whole pipeline with <paramref name="address"/> as the TCP peer.</summary>
        public async Task<JsonObject> LoginFromAsync(string address, string email, string password)
        {
            var body = JsonContent.Create(new { query = LoginMutation, variables = new { i = new { email, password } } });
            var bytes = await body.ReadAsByteArrayAsync();
            var context = await _factory.Server.SendAsync(c =>
            {
                c.Request.Method = HttpMethods.Post;
                c.Request.Path = "/graphql";
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream(bytes);
                c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            });
            using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
            return JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        }

        private async Task<JsonObject> PostAsync(string query, object variables, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await _client.SendAsync(request);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _factory.DisposeAsync();
            await _api.DisposeAsync();
            if (_database is not null) await _database.DisposeAsync();
        }
    }
}
