using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotspot.Api.Radius;
using Hotspot.Tests.Api;

namespace Hotspot.Tests.Radius;

/// <summary>A router with a MikroTik <c>mac-auth-password</c>: the API hands FreeRADIUS that password for MAC logins.</summary>
public class MacAuthPasswordTests
{
    private const string Secret = "test-radius-secret-0004";
    private const string MacPassword = "made-up-mac-auth-password";
    private const string Mac = "AA:BB:CC:DD:E5:01";
    private TestApi _api = null!;
    private HttpClient _client = null!;
    private RadiusTestWorld _world = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = new TestApi(new Dictionary<string, string?> { ["Radius:SharedSecret"] = Secret, ["Radius:MacAuthPassword"] = MacPassword });
        _client = _api.CreateClient();
        _client.DefaultRequestHeaders.Add(RadiusOptions.SecretHeader, Secret);
        _world = await RadiusTestWorld.CreateAsync(_api.Services);
        await _world.PaidFromDeviceAsync(_world.PlanA, Mac);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client?.Dispose();
        if (_api is not null)
            await _api.DisposeAsync();
    }

    private JsonObject Request(string userName, string? password = null, string device = Mac)
    {
        var body = new JsonObject();
        foreach (var (name, value) in new[] { ("User-Name", userName), ("NAS-Identifier", _world.RouterA.NasIdentifier!), ("Calling-Station-Id", device), ("User-Password", password) })
            if (value is not null)
                body[name] = new JsonObject { ["type"] = "string", ["value"] = new JsonArray(JsonValue.Create(value)) };
        return body;
    }

    [Test]
    public async Task Authorize_answers_the_configured_password_for_a_MAC_login_and_the_code_for_a_code_login()
    {
        using var macLogin = await _client.PostAsJsonAsync("/api/radius/authorize", Request(Mac));
        var reply = JsonNode.Parse(await macLogin.Content.ReadAsStringAsync())!;
        Assert.That(macLogin.StatusCode, Is.EqualTo(HttpStatusCode.OK), reply.ToJsonString());
        Assert.That(reply["control:Cleartext-Password"]!["value"]![0]!.GetValue<string>(), Is.EqualTo(MacPassword));

        var voucher = await _world.VoucherAsync(_world.PlanA);
        using var codeLogin = await _client.PostAsJsonAsync("/api/radius/authorize", Request(voucher.Code.ToLowerInvariant(), device: "AA:BB:CC:DD:E5:02"));
        var codeReply = JsonNode.Parse(await codeLogin.Content.ReadAsStringAsync())!;
        Assert.That(codeReply["control:Cleartext-Password"]!["value"]![0]!.GetValue<string>(), Is.EqualTo(voucher.Code.ToLowerInvariant()));
    }

    [Test]
    public async Task Authenticate_checks_a_MAC_login_against_the_configured_password()
    {
        using var right = await _client.PostAsJsonAsync("/api/radius/authenticate", Request(Mac, MacPassword));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await right.Content.ReadAsStringAsync());
        using var macAsPassword = await _client.PostAsJsonAsync("/api/radius/authenticate", Request(Mac, Mac));
        Assert.That(macAsPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var otherDevice = await _client.PostAsJsonAsync("/api/radius/authenticate", Request(Mac, MacPassword, device: "AA:BB:CC:DD:E5:03"));
        Assert.That(otherDevice.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
