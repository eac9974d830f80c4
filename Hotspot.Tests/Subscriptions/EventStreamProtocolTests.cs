using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;

namespace Hotspot.Tests.Subscriptions;

/// <summary>
/// graphql-sse (distinct connections) at <c>/graphql</c> of the real API with short limits: keep-alive comments,
/// the connection limit per user (429), the request size limit (413), and a deactivated user's stream ending with
/// an UNAUTHENTICATED error and <c>complete</c>.
/// </summary>
public class EventStreamProtocolTests
{
    private BillingDatabase _database = null!;
    private LiveApi _api = null!;
    private string _admin = null!;
    private Guid _organizationId;

    private const string PurchaseSubscription = "subscription($o: ID!) { purchaseUpdated(organizationId: $o) { id } }";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await BillingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _api = new LiveApi(_database, new Dictionary<string, string?>
        {
            ["Subscriptions:KeepAliveInterval"] = "00:00:00.300",
            ["Subscriptions:ReauthorizeInterval"] = "00:00:00.300",
            ["Subscriptions:MaxConnectionsPerPrincipal"] = "2",
            ["Subscriptions:MaxMessageBytes"] = "2048",
        });
        _admin = await _api.LoginAsync();
        _organizationId = (await _api.DemoOrganizationAsync()).Id;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task An_open_stream_gets_keep_alive_comments()
    {
        await using var stream = await EventStream.OpenAsync(_api.GraphQLUrl, _admin, PurchaseSubscription, new { o = _organizationId });
        Assert.That(await stream.ReadLineAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(":"));
    }

    [Test]
    public async Task More_streams_than_the_limit_for_one_user_get_429()
    {
        var (_, token) = await _api.CreateUserAsync(_admin, "ORGANIZATION_VIEWER", _organizationId);
        await using var first = await EventStream.OpenAsync(_api.GraphQLUrl, token, PurchaseSubscription, new { o = _organizationId });
        await using var second = await EventStream.OpenAsync(_api.GraphQLUrl, token, PurchaseSubscription, new { o = _organizationId });
        await using var third = await EventStream.OpenAsync(_api.GraphQLUrl, token, PurchaseSubscription, new { o = _organizationId });
        Assert.That(first.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(third.Response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task A_request_over_the_size_limit_gets_413()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _api.GraphQLUrl)
        {
            Content = new StringContent("{\"query\":\"{ me { id } }\",\"variables\":{\"pad\":\"" + new string('x', 4000) + "\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _admin);
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task A_deactivated_users_stream_ends_with_an_unauthenticated_error_then_complete()
    {
        var (userId, token) = await _api.CreateUserAsync(_admin, "ORGANIZATION_VIEWER", _organizationId);
        await using var stream = await EventStream.OpenAsync(_api.GraphQLUrl, token, PurchaseSubscription, new { o = _organizationId });
        Assert.That(stream.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await _api.GraphQLAsync(_admin, "mutation($u: ID!) { deactivateUser(userId: $u) { id } }", new { u = userId });
        var next = await stream.ReadAsync(TimeSpan.FromSeconds(5));
        Assert.That(next?.Event, Is.EqualTo("next"));
        Assert.That(next!.Value.Data!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("UNAUTHENTICATED"));
        Assert.That((await stream.ReadAsync())?.Event, Is.EqualTo("complete"));
    }
}
