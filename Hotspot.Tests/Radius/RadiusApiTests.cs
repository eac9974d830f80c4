using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotspot.Api.Radius;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage;
using Hotspot.Storage.Radius;
using Hotspot.Tests.Api;
using Hotspot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Radius;

/// <summary>The rlm_rest routes through the real host (WebApplicationFactory), on SQLite and PostgreSQL.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class RadiusApiTests(DatabaseProvider provider)
{
    private const string Secret = "test-radius-secret-0001";
    private TestDatabase? _database;
    private TestApi _api = null!;
    private HttpClient _client = null!;
    private RadiusTestWorld _world = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var settings = new Dictionary<string, string?> { ["Radius:SharedSecret"] = Secret };
        if (provider == DatabaseProvider.PostgreSql)
        {
            _database = await TestDatabase.CreateEmptyAsync(provider);
            settings["ConnectionStrings:Hotspot"] = _database.ConnectionString;
        }
        _api = new TestApi(settings);
        _client = _api.CreateClient();
        _client.DefaultRequestHeaders.Add(RadiusOptions.SecretHeader, Secret);
        _world = await RadiusTestWorld.CreateAsync(_api.Services);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client?.Dispose();
        if (_api is not null)
            await _api.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private static JsonObject Attributes(params (string Name, object Value)[] attributes)
    {
        var body = new JsonObject();
        foreach (var (name, value) in attributes)
            body[name] = new JsonObject
            {
                ["type"] = value is string ? "string" : "integer",
                ["value"] = new JsonArray(JsonValue.Create(value)),
            };
        return body;
    }

    private JsonObject Access(string code, Router? router = null, string mac = "AA:BB:CC:DD:EE:01") => Attributes(
        ("User-Name", code), ("NAS-Identifier", (router ?? _world.RouterA).NasIdentifier!), ("NAS-IP-Address", "127.0.0.1"),
        ("Calling-Station-Id", mac));

    private JsonObject Accounting(string status, string code, string sessionId, long input = 0, long output = 0, string mac = "AA:BB:CC:DD:EE:01") => Attributes(
        ("Acct-Status-Type", status), ("User-Name", code), ("Acct-Session-Id", sessionId), ("NAS-Identifier", _world.RouterA.NasIdentifier!),
        ("Calling-Station-Id", mac), ("Acct-Input-Octets", input % 4294967296), ("Acct-Input-Gigawords", input / 4294967296),
        ("Acct-Output-Octets", output), ("Acct-Session-Time", 60));

    private async Task<(HttpStatusCode Status, JsonObject? Body)> PostAsync(string route, JsonObject body)
    {
        var response = await _client.PostAsJsonAsync("/api/radius/" + route, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonNode.Parse(text) as JsonObject : null);
    }

    private static string? Value(JsonObject? body, string name) => body?[name]?["value"]?[0]?.ToString();

    [Test]
    public async Task Without_the_secret_header_every_route_is_forbidden()
    {
        using var anonymous = _api.CreateClient();
        foreach (var route in new[] { "authorize", "authenticate", "accounting", "post-auth" })
        {
            var response = await anonymous.PostAsJsonAsync("/api/radius/" + route, Access("X"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), route);
        }
        anonymous.DefaultRequestHeaders.Add(RadiusOptions.SecretHeader, Secret + "x");
        Assert.That((await anonymous.PostAsJsonAsync("/api/radius/authorize", Access("X"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Without_a_configured_secret_the_routes_are_unavailable()
    {
        if (provider != DatabaseProvider.Sqlite)
            Assert.Ignore("Host configuration, not storage: checked once.");
        await using var api = new TestApi();
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(RadiusOptions.SecretHeader, "");
        var response = await client.PostAsJsonAsync("/api/radius/authorize", Access("X"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task Active_voucher_typed_in_lower_case_is_accepted_with_limits()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA);
        var typed = voucher.Code.ToLowerInvariant();

        var (status, body) = await PostAsync("authorize", Access(typed));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Value(body, "control:Cleartext-Password"), Is.EqualTo(typed));
        Assert.That(long.Parse(Value(body, "reply:Session-Timeout")!), Is.InRange(49 * 60, 50 * 60));
        Assert.That(Value(body, "reply:Idle-Timeout"), Is.EqualTo("600"));
        Assert.That(Value(body, "reply:Acct-Interim-Interval"), Is.EqualTo("300"));
        Assert.That(Value(body, "reply:Mikrotik-Rate-Limit"), Is.EqualTo("2048k/5120k"));
        Assert.That(Value(body, "reply:Mikrotik-Total-Limit"), Is.EqualTo("10000000"));
        Assert.That(Value(body, "reply:Mikrotik-Total-Limit-Gigawords"), Is.EqualTo("0"));
        Assert.That(Value(body, "reply:WISPr-Session-Terminate-Time"), Is.EqualTo(voucher.ExpiresAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'")));
        Assert.That(body!["reply:Session-Timeout"]!["do_xlat"]!.GetValue<bool>(), Is.False);
    }

    [TestCase(RadiusTestWorld.State.Expired, AuthorizeDecision.Expired)]
    [TestCase(RadiusTestWorld.State.Revoked, AuthorizeDecision.Revoked)]
    public async Task Unusable_voucher_is_rejected_with_a_reason(RadiusTestWorld.State state, string message)
    {
        var voucher = await _world.VoucherAsync(_world.PlanA, state);
        var (status, body) = await PostAsync("authorize", Access(voucher.Code));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Value(body, "reply:Reply-Message"), Is.EqualTo(message));
        Assert.That(body!.ContainsKey("control:Cleartext-Password"), Is.False);
    }

    [Test]
    public async Task Wrong_code_unknown_router_and_foreign_voucher_are_rejected_alike()
    {
        var foreign = await _world.VoucherAsync(_world.PlanB);
        var mine = await _world.VoucherAsync(_world.PlanA);
        var unknownRouter = Attributes(("User-Name", mine.Code), ("NAS-Identifier", "nobody"), ("NAS-IP-Address", "192.0.2.1"));

        foreach (var request in new[] { Access("NOSUCHCODE"), Access(foreign.Code), unknownRouter })
        {
            var (status, body) = await PostAsync("authorize", request);
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(Value(body, "reply:Reply-Message"), Is.EqualTo(AuthorizeDecision.NotValid));
        }
        Assert.That((await PostAsync("authorize", Access(foreign.Code, _world.RouterB))).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Router_is_found_by_ip_address_when_the_identifier_is_unknown()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA);
        var byIp = Attributes(("User-Name", voucher.Code), ("NAS-Identifier", "renamed"), ("NAS-IP-Address", _world.RouterA.IpAddress!));
        Assert.That((await PostAsync("authorize", byIp)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Unused_voucher_is_activated_once_by_concurrent_first_logins()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA, RadiusTestWorld.State.Unused);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync("authorize", Access(voucher.Code))));
        var first = await _world.ReloadAsync(voucher);
        var again = await PostAsync("authorize", Access(voucher.Code));

        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Status, Is.EqualTo(VoucherStatus.Active));
        Assert.That(results.Select(r => Value(r.Body, "reply:WISPr-Session-Terminate-Time")).Distinct().Count(), Is.EqualTo(1));
        Assert.That(Value(again.Body, "reply:WISPr-Session-Terminate-Time"), Is.EqualTo(Value(results[0].Body, "reply:WISPr-Session-Terminate-Time")));
        Assert.That((await _world.ReloadAsync(voucher)).ActivatedAt, Is.EqualTo(first.ActivatedAt));
    }

    [Test]
    public async Task Interim_updates_replace_counters_and_a_used_up_cap_rejects_the_next_login()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA);
        var usage = _api.Services.GetRequiredService<VoucherUsageQuery>();

        Assert.That((await PostAsync("accounting", Accounting("Start", voucher.Code, "s1"))).Status, Is.EqualTo(HttpStatusCode.NoContent));
        await PostAsync("accounting", Accounting("Interim-Update", voucher.Code, "s1", 1_000_000, 3_000_000));
        await PostAsync("accounting", Accounting("Interim-Update", voucher.Code, "s1", 1_000_000, 3_000_000)); // retransmitted
        await PostAsync("accounting", Accounting("Interim-Update", voucher.Code, "s1", 2_000_000, 5_000_000));
        await PostAsync("accounting", Accounting("Interim-Update", voucher.Code, "s1", 1_000_000, 3_000_000)); // late
        var during = await usage.ForVoucherAsync(voucher.OrganizationId, voucher.Id, CancellationToken.None);
        Assert.That(during, Is.EqualTo(new VoucherUsage(voucher.Id, 7_000_000, 1, 1, 1)));

        var (_, accept) = await PostAsync("authorize", Access(voucher.Code));
        Assert.That(Value(accept, "reply:Mikrotik-Total-Limit"), Is.EqualTo("3000000"));

        await PostAsync("accounting", Accounting("Stop", voucher.Code, "s1", 3_000_000, 7_000_000));
        var after = await usage.ForVoucherAsync(voucher.OrganizationId, voucher.Id, CancellationToken.None);
        Assert.That(after, Is.EqualTo(new VoucherUsage(voucher.Id, 10_000_000, 1, 1, 0)));

        var (status, body) = await PostAsync("authorize", Access(voucher.Code));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Value(body, "reply:Reply-Message"), Is.EqualTo(AuthorizeDecision.DataUsedUp));
    }

    [Test]
    public async Task Gigawords_count_towards_usage()
    {
        var voucher = await _world.VoucherAsync(_world.PlanB);
        var body = Attributes(("Acct-Status-Type", "Start"), ("User-Name", voucher.Code), ("Acct-Session-Id", "g1"),
            ("NAS-Identifier", _world.RouterB.NasIdentifier!), ("Acct-Input-Octets", 5), ("Acct-Input-Gigawords", 2), ("Acct-Output-Octets", 1));
        await PostAsync("accounting", body);
        var usage = await _api.Services.GetRequiredService<VoucherUsageQuery>().ForVoucherAsync(voucher.OrganizationId, voucher.Id, CancellationToken.None);
        Assert.That(usage.BytesUsed, Is.EqualTo(2 * 4294967296L + 6));
    }

    [Test]
    public async Task Device_limit_counts_open_sessions_and_accounting_on_frees_them()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA);
        await PostAsync("accounting", Accounting("Start", voucher.Code, "d1", mac: "AA:BB:CC:DD:EE:01"));

        var (status, body) = await PostAsync("authorize", Access(voucher.Code, mac: "AA:BB:CC:DD:EE:02"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Value(body, "reply:Reply-Message"), Is.EqualTo(AuthorizeDecision.DeviceLimitReached));
        Assert.That((await PostAsync("authorize", Access(voucher.Code, mac: "aa-bb-cc-dd-ee-01"))).Status, Is.EqualTo(HttpStatusCode.OK));

        var reboot = Attributes(("Acct-Status-Type", "Accounting-On"), ("NAS-Identifier", _world.RouterA.NasIdentifier!));
        Assert.That((await PostAsync("accounting", reboot)).Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _world.SessionsAsync(voucher)).Single().StoppedAt, Is.Not.Null);
        Assert.That((await PostAsync("authorize", Access(voucher.Code, mac: "AA:BB:CC:DD:EE:02"))).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Accounting_from_an_unknown_router_is_refused_and_stores_nothing()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA);
        var body = Accounting("Start", voucher.Code, "u1");
        body["NAS-Identifier"] = new JsonObject { ["type"] = "string", ["value"] = new JsonArray("nobody") };
        Assert.That((await PostAsync("accounting", body)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await _world.SessionsAsync(voucher), Is.Empty);
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("{\"User-Name\": {\"value\": [{}]}}")]
    public async Task Malformed_bodies_get_a_client_error(string text)
    {
        using var content = new StringContent(text, System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/api/radius/authorize", content);
        Assert.That((int)response.StatusCode, Is.EqualTo(400).Or.EqualTo(401));
    }
}
