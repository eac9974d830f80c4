using System.Text.Json.Nodes;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;

namespace Hotspot.Tests.Subscriptions;

/// <summary>
/// <c>graphql-transport-ws</c> at <c>/graphql</c> of the real API on Kestrel, message by message with a bare
/// <see cref="System.Net.WebSockets.ClientWebSocket"/>: the handshake, every close code the protocol names, ping and
/// pong, queries and validation errors over the socket, and each configured limit (short here, so they show quickly).
/// </summary>
public class WebSocketProtocolTests
{
    private BillingDatabase _database = null!;
    private LiveApi _api = null!;
    private string _admin = null!;

    private const string PaymentSubscription = "subscription($o: ID!) { paymentReceived(organizationId: $o) { id } }";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await BillingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _api = new LiveApi(_database, new Dictionary<string, string?>
        {
            ["Subscriptions:ConnectionInitTimeout"] = "00:00:00.500",
            ["Subscriptions:KeepAliveInterval"] = "00:00:00.300",
            ["Subscriptions:IdleTimeout"] = "00:00:01.500",
            ["Subscriptions:ReauthorizeInterval"] = "00:00:00.300",
            ["Subscriptions:MaxOperationsPerConnection"] = "2",
            ["Subscriptions:MaxConnectionsPerPrincipal"] = "3",
            ["Subscriptions:MaxMessageBytes"] = "4096",
        });
        _admin = await _api.LoginAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<string> OrganizationIdAsync() => (await _api.DemoOrganizationAsync()).Id.ToString();

    [Test]
    public async Task The_handshake_agrees_on_graphql_transport_ws_and_acknowledges_a_valid_token()
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        Assert.That(socket.SubProtocol, Is.EqualTo("graphql-transport-ws"));
    }

    [Test]
    public async Task A_socket_without_the_subprotocol_is_closed_with_4406()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_api.WebSocketUrl, subProtocol: null);
        Assert.That(await socket.ReceiveCloseAsync(), Is.EqualTo(4406));
    }

    [Test]
    public async Task No_connection_init_within_the_timeout_closes_with_4408()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_api.WebSocketUrl);
        Assert.That(await socket.ReceiveCloseAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(4408));
        Assert.That(socket.CloseDescription, Is.EqualTo("Connection initialisation timeout"));
    }

    [TestCase("Bearer not-a-token")]
    [TestCase(null)]
    public async Task A_wrong_or_missing_token_closes_with_4403(string? authorization)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_api.WebSocketUrl);
        await socket.SendAsync(authorization is null
            ? new { type = "connection_init" }
            : new { type = "connection_init", payload = (object)new { Authorization = authorization } });
        Assert.That(await socket.ReceiveCloseAsync(), Is.EqualTo(4403));
    }

    [Test]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + _admin } });
        Assert.That(await socket.ReceiveCloseAsync(), Is.EqualTo(4429));
    }

    [Test]
    public async Task Subscribing_before_the_ack_closes_with_4401()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_api.WebSocketUrl);
        await socket.SubscribeAsync("1", "{ me { id } }");
        Assert.That(await socket.ReceiveCloseAsync(), Is.EqualTo(4401));
    }

    [Test]
    public async Task A_subscription_id_already_running_closes_with_4409()
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        var organizationId = await OrganizationIdAsync();
        await socket.SubscribeAsync("same", PaymentSubscription, new { o = organizationId });
        await socket.SubscribeAsync("same", PaymentSubscription, new { o = organizationId });
        Assert.That(await socket.ReceiveCloseAsync(), Is.EqualTo(4409));
        Assert.That(socket.CloseDescription, Is.EqualTo("Subscriber for same already exists"));
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("""{"type":"unheard_of"}""")]
    [TestCase("""{"type":"subscribe","id":"1","payload":{"query":42}}""")]
    public async Task A_bad_message_closes_with_4400(string message)
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        await socket.SendTextAsync(message);
        Assert.That(await socket.ReceiveCloseAsync(), Is.EqualTo(4400));
    }

    [Test]
    public async Task A_message_over_the_size_limit_closes_with_1009()
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        await socket.SubscribeAsync("1", "{ me { id } }" + new string(' ', 5000));
        Assert.That(await socket.ReceiveCloseAsync(), Is.EqualTo(1009));
    }

    [Test]
    public async Task Ping_gets_pong_and_the_server_pings_on_its_own()
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        await socket.SendAsync(new { type = "ping" });
        var answers = new List<string>();
        for (var i = 0; i < 2; i++)
            answers.Add((await socket.ReceiveAsync(skipPings: false))!["type"]!.GetValue<string>());
        Assert.That(answers, Does.Contain("pong"));
        Assert.That(answers, Does.Contain("ping"), "the keep-alive ping (every 300 ms here)");
    }

    [Test]
    public async Task A_query_over_the_socket_gets_next_then_complete()
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        await socket.SubscribeAsync("q", "{ me { email } }");
        var next = await socket.ReceiveAsync();
        Assert.That(next!["type"]!.GetValue<string>(), Is.EqualTo("next"));
        Assert.That(next["id"]!.GetValue<string>(), Is.EqualTo("q"));
        Assert.That(next["payload"]!["data"]!["me"]!["email"]!.GetValue<string>(), Is.EqualTo(LiveApi.AdminEmail));
        var complete = await socket.ReceiveAsync();
        Assert.That(complete!.ToJsonString(), Is.EqualTo("""{"id":"q","type":"complete"}"""));
    }

    [Test]
    public async Task An_invalid_document_gets_an_error_message_and_the_socket_stays_open()
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        await socket.SubscribeAsync("bad", "subscription { paymentReceived(organizationId: \"x\") { id } purchaseUpdated(organizationId: \"x\") { id } }");
        var error = await socket.ReceiveAsync();
        Assert.That(error!["type"]!.GetValue<string>(), Is.EqualTo("error"));
        Assert.That(error["payload"]!.AsArray()[0]!["message"]!.GetValue<string>(), Does.Contain("only one top level field"));
        await socket.SubscribeAsync("good", "{ me { email } }");
        Assert.That((await socket.ReceiveAsync())!["type"]!.GetValue<string>(), Is.EqualTo("next"));
    }

    [Test]
    public async Task Another_organization_is_not_found_and_a_viewer_of_it_cannot_subscribe_to_ours()
    {
        var other = await _api.CreateOrganizationAsync(_admin, "Other ISP " + Guid.NewGuid().ToString("N")[..6]);
        var (_, outsider) = await _api.CreateUserAsync(_admin, "ORGANIZATION_VIEWER", other);
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, outsider);
        await socket.SubscribeAsync("1", PaymentSubscription, new { o = await OrganizationIdAsync() });
        var error = await socket.ReceiveAsync();
        Assert.That(error!["type"]!.GetValue<string>(), Is.EqualTo("error"), error.ToJsonString());
        Assert.That(error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("NOT_FOUND"));
        await socket.SubscribeAsync("2", PaymentSubscription, new { o = Guid.NewGuid().ToString() });
        Assert.That((await socket.ReceiveAsync())!["payload"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("NOT_FOUND"));
    }

    [Test]
    public async Task Completing_a_subscription_leaves_the_bus()
    {
        var bus = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Hotspot.Api.Events.ChangeEventBus>(_api.Services);
        var before = bus.Count;
        await using (var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin))
        {
            await socket.SubscribeAsync("1", PaymentSubscription, new { o = await OrganizationIdAsync() });
            await Eventually(() => bus.Count == before + 1);
            await socket.SendAsync(new { id = "1", type = "complete" });
            await Eventually(() => bus.Count == before);
            await socket.SubscribeAsync("1", PaymentSubscription, new { o = await OrganizationIdAsync() });
            await Eventually(() => bus.Count == before + 1);
        }
        await Eventually(() => bus.Count == before); // the client left: everything released
    }

    [Test]
    public async Task More_operations_than_the_limit_get_an_error_message()
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        var organizationId = await OrganizationIdAsync();
        await socket.SubscribeAsync("1", PaymentSubscription, new { o = organizationId });
        await socket.SubscribeAsync("2", PaymentSubscription, new { o = organizationId });
        await socket.SubscribeAsync("3", PaymentSubscription, new { o = organizationId });
        var error = await socket.ReceiveAsync();
        Assert.That(error!["id"]!.GetValue<string>(), Is.EqualTo("3"));
        Assert.That(error["type"]!.GetValue<string>(), Is.EqualTo("error"));
        Assert.That(error["payload"]![0]!["message"]!.GetValue<string>(), Does.Contain("at most 2"));
    }

    [Test]
    public async Task More_connections_than_the_limit_for_one_user_are_closed_with_1008()
    {
        var (_, token) = await _api.CreateUserAsync(_admin, "PLATFORM_ADMIN", null);
        var open = new List<GraphQLSocket>();
        try
        {
            for (var i = 0; i < 3; i++) open.Add(await GraphQLSocket.OpenAsync(_api.WebSocketUrl, token));
            await using var fourth = await GraphQLSocket.ConnectAsync(_api.WebSocketUrl);
            await fourth.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });
            Assert.That(await fourth.ReceiveCloseAsync(), Is.EqualTo(1008));
        }
        finally
        {
            foreach (var socket in open) await socket.DisposeAsync();
        }
    }

    [Test]
    public async Task A_socket_with_nothing_running_is_closed_when_idle()
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        Assert.That(await socket.ReceiveCloseAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(1000));
        Assert.That(socket.CloseDescription, Is.EqualTo("Idle"));
    }

    [Test]
    public async Task A_deactivated_users_subscription_ends_with_4403()
    {
        var (userId, token) = await _api.CreateUserAsync(_admin, "ORGANIZATION_ADMIN", (await _api.DemoOrganizationAsync()).Id);
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, token);
        await socket.SubscribeAsync("1", PaymentSubscription, new { o = await OrganizationIdAsync() });
        await Task.Delay(500);
        Assert.That(socket.CloseStatus, Is.Null, "the subscription runs while the user is active");
        await _api.GraphQLAsync(_admin, "mutation($u: ID!) { deactivateUser(userId: $u) { id } }", new { u = userId });
        Assert.That(await socket.ReceiveCloseAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(4403));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.That(condition(), Is.True);
    }
}
