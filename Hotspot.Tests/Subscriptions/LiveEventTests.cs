using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;

namespace Hotspot.Tests.Subscriptions;

/// <summary>
/// Subscriptions fed by the database on both providers: a sandbox purchase through the portal route (STK push to
/// the simulator, its callback to our route, settlement) reaches a WebSocket subscriber and an SSE subscriber as
/// <c>paymentReceived</c> and <c>purchaseUpdated</c> within 2 s, read as committed; another organization's
/// subscriber gets nothing; RADIUS sessions starting and stopping reach <c>routerSessionChanged</c>.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class LiveEventTests(DatabaseProvider provider)
{
    private const string PaidPhone = "254712345678";
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(2);

    private BillingDatabase _database = null!;
    private LiveApi _api = null!;
    private string _admin = null!;
    private Guid _organizationId;
    private Guid _planId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await BillingDatabase.CreateAsync(provider);
        // The event stream's headers reach the client with its first write: a keep-alive every second opens it
        // after a second rather than the default fifteen (the WebSocket client skips pings, the stream reader comments).
        _api = new LiveApi(_database, new Dictionary<string, string?> { ["Subscriptions:KeepAliveInterval"] = "00:00:01" });
        _admin = await _api.LoginAsync();
        _organizationId = (await _api.DemoOrganizationAsync()).Id;
        _planId = (await _api.DemoPlanAsync()).Id;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    [Test]
    public async Task A_sandbox_purchase_reaches_a_websocket_subscriber_as_payment_and_purchase_events_within_2_seconds()
    {
        var (_, token) = await _api.CreateUserAsync(_admin, "ORGANIZATION_VIEWER", _organizationId);
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, token);
        await socket.SubscribeAsync("payments", "subscription($o: ID!) { paymentReceived(organizationId: $o) { id provider amountKes status receipt purchase { id status } } }",
            new { o = _organizationId });
        await socket.SubscribeAsync("purchases", "subscription($o: ID!) { purchaseUpdated(organizationId: $o) { id status amountKes voucher { code } } }",
            new { o = _organizationId });
        await Task.Delay(200); // both subscriptions joined the bus

        using var client = _api.CreateHttpClient();
        var purchaseId = await Portal.StartAsync(client, _organizationId, _planId, PaidPhone);
        var clock = Stopwatch.StartNew(); // from the portal's answer: the push is out, the customer pays

        JsonNode? payment = null, paid = null;
        while ((payment is null || paid is null) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(10));
            Assert.That(message!["type"]!.GetValue<string>(), Is.EqualTo("next"), message.ToJsonString());
            Assert.That(message["payload"]!["errors"], Is.Null, message.ToJsonString());
            var data = message["payload"]!["data"]!;
            if (message["id"]!.GetValue<string>() == "payments" && data["paymentReceived"]!["purchase"]?["id"]?.GetValue<string>() == purchaseId.ToString())
                payment = data["paymentReceived"];
            if (message["id"]!.GetValue<string>() == "purchases" && data["purchaseUpdated"]!["id"]!.GetValue<string>() == purchaseId.ToString()
                && data["purchaseUpdated"]!["status"]!.GetValue<string>() == "PAID")
                paid = data["purchaseUpdated"];
        }
        Assert.That(clock.Elapsed, Is.LessThan(Promptly), "both events within 2 s of the portal's answer");
        Assert.That(payment!["provider"]!.GetValue<string>(), Is.EqualTo("MPESA"));
        Assert.That(payment["status"]!.GetValue<string>(), Is.EqualTo("SETTLED"), "announced once applied, as committed");
        Assert.That(payment["purchase"]!["status"]!.GetValue<string>(), Is.EqualTo("PAID"));
        Assert.That(paid!["voucher"]!["code"]!.GetValue<string>(), Is.Not.Empty, "the voucher committed with the PAID status");
    }

    [Test]
    public async Task A_sandbox_purchase_reaches_an_event_stream_subscriber()
    {
        await using var stream = await EventStream.OpenAsync(_api.GraphQLUrl, _admin,
            "subscription($o: ID!) { purchaseUpdated(organizationId: $o) { id status } }", new { o = _organizationId });
        Assert.That(stream.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stream.Response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/event-stream"));
        await Task.Delay(200);

        using var client = _api.CreateHttpClient();
        var purchaseId = (await Portal.StartAsync(client, _organizationId, _planId, PaidPhone)).ToString();
        var clock = Stopwatch.StartNew();
        var statuses = new List<string>();
        while (!statuses.Contains("PAID") && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var next = await stream.ReadAsync();
            Assert.That(next?.Event, Is.EqualTo("next"));
            var purchase = next!.Value.Data!["data"]!["purchaseUpdated"]!;
            if (purchase["id"]!.GetValue<string>() == purchaseId) statuses.Add(purchase["status"]!.GetValue<string>());
        }
        Assert.That(clock.Elapsed, Is.LessThan(Promptly));
        Assert.That(statuses, Is.EqualTo(new[] { "PENDING", "PAID" }), "created, then paid: one event per status");
    }

    [Test]
    public async Task A_forged_callback_kept_for_review_reaches_a_payment_subscriber()
    {
        // Stored on its own, outside any settlement: on PostgreSQL announced by the writer after its commit.
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        await socket.SubscribeAsync("payments", "subscription($o: ID!) { paymentReceived(organizationId: $o) { id status purchase { id } } }",
            new { o = _organizationId });
        await Task.Delay(200);

        using var client = _api.CreateHttpClient();
        var checkout = "ws_CO_forged_" + Guid.NewGuid().ToString("N");
        using var body = new StringContent($$"""{"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"{{checkout}}","ResultCode":1032,"ResultDesc":"Cancelled" } } }""",
            System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"/api/payments/daraja/callback/{_organizationId}/forged-{Guid.NewGuid():N}", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var clock = Stopwatch.StartNew();
        var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(10));
        Assert.That(clock.Elapsed, Is.LessThan(Promptly));
        Assert.That(message!["type"]!.GetValue<string>(), Is.EqualTo("next"), message.ToJsonString());
        var payment = message["payload"]!["data"]!["paymentReceived"]!;
        Assert.That(payment["status"]!.GetValue<string>(), Is.EqualTo("NEEDS_REVIEW"));
        Assert.That(payment["purchase"], Is.Null, "a forgery is linked to no purchase");
    }

    [Test]
    public async Task Another_organizations_subscriber_receives_nothing_of_ours()
    {
        var other = await _api.CreateOrganizationAsync(_admin, "Elsewhere " + Guid.NewGuid().ToString("N")[..6]);
        var (_, outsider) = await _api.CreateUserAsync(_admin, "ORGANIZATION_ADMIN", other);
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, outsider);
        await socket.SubscribeAsync("theirs", "subscription($o: ID!) { purchaseUpdated(organizationId: $o) { id } }", new { o = other });
        await socket.SubscribeAsync("ours", "subscription($o: ID!) { paymentReceived(organizationId: $o) { id } }", new { o = _organizationId });
        var refused = await socket.ReceiveAsync();
        Assert.That(refused!["id"]!.GetValue<string>(), Is.EqualTo("ours"));
        Assert.That(refused["type"]!.GetValue<string>(), Is.EqualTo("error"));
        Assert.That(refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("NOT_FOUND"));

        using var client = _api.CreateHttpClient();
        var purchaseId = await Portal.StartAsync(client, _organizationId, _planId, PaidPhone);
        await Portal.WaitForOutcomeAsync(client, purchaseId);
        await Task.Delay(500);
        Assert.ThrowsAsync<TaskCanceledException>(() => socket.ReceiveAsync(TimeSpan.FromMilliseconds(700)),
            "nothing at all arrives for another organization's purchase");
    }

    [Test]
    public async Task An_event_stream_without_credentials_is_refused_and_a_query_is_one_next_then_complete()
    {
        await using (var refused = await EventStream.OpenAsync(_api.GraphQLUrl, null,
                         "subscription($o: ID!) { purchaseUpdated(organizationId: $o) { id } }", new { o = _organizationId }))
            Assert.That(refused.Response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        await using var query = await EventStream.OpenAsync(_api.GraphQLUrl, _admin, "{ me { email } }");
        var next = await query.ReadAsync();
        Assert.That(next?.Event, Is.EqualTo("next"));
        Assert.That(next!.Value.Data!["data"]!["me"]!["email"]!.GetValue<string>(), Is.EqualTo(LiveApi.AdminEmail));
        Assert.That((await query.ReadAsync())?.Event, Is.EqualTo("complete"));
        Assert.That(await query.ReadAsync(), Is.Null, "the stream ends after complete");
    }

    [Test]
    public async Task An_invalid_operation_over_an_event_stream_reports_its_errors_in_a_next_event()
    {
        await using var stream = await EventStream.OpenAsync(_api.GraphQLUrl, _admin, "subscription { nope }");
        Assert.That(stream.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var next = await stream.ReadAsync();
        Assert.That(next?.Event, Is.EqualTo("next"));
        Assert.That(next!.Value.Data!["errors"]![0]!["message"]!.GetValue<string>(), Does.Contain("nope"));
        Assert.That((await stream.ReadAsync())?.Event, Is.EqualTo("complete"));
    }

    [Test]
    public async Task Radius_sessions_starting_and_stopping_reach_router_session_subscribers()
    {
        await using var socket = await GraphQLSocket.OpenAsync(_api.WebSocketUrl, _admin);
        await socket.SubscribeAsync("sessions", "subscription($o: ID!) { routerSessionChanged(organizationId: $o) { kind session { acctSessionId stoppedAt router { id } } } }",
            new { o = _organizationId });
        await Task.Delay(200);

        var acctSessionId = "acct-" + Guid.NewGuid().ToString("N")[..8];
        RadiusSession session;
        await using (var db = await _api.Contexts.CreateDbContextAsync())
        {
            var plan = await db.Plans.FindAsync(_planId);
            var router = Router.Register(_organizationId, "Lobby", "lobby-" + acctSessionId, null, RouterAttributeProfile.Mikrotik, DateTime.UtcNow);
            var voucher = Voucher.IssueUnused(plan!, "V" + acctSessionId, VoucherSource.Admin, null, DateTime.UtcNow);
            session = RadiusSession.Start(router, voucher.Id, acctSessionId, null, null, DateTime.UtcNow);
            db.AddRange(router, voucher, session);
            await db.SaveChangesAsync();
        }
        var started = await socket.ReceiveAsync();
        Assert.That(started!["payload"]!["data"]!["routerSessionChanged"]!["kind"]!.GetValue<string>(), Is.EqualTo("STARTED"), started.ToJsonString());
        Assert.That(started["payload"]!["data"]!["routerSessionChanged"]!["session"]!["acctSessionId"]!.GetValue<string>(), Is.EqualTo(acctSessionId));

        await using (var db = await _api.Contexts.CreateDbContextAsync())
        {
            db.Attach(session);
            session.Stop("User-Request", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        var stopped = await socket.ReceiveAsync();
        Assert.That(stopped!["payload"]!["data"]!["routerSessionChanged"]!["kind"]!.GetValue<string>(), Is.EqualTo("STOPPED"), stopped.ToJsonString());
        Assert.That(stopped["payload"]!["data"]!["routerSessionChanged"]!["session"]!["stoppedAt"], Is.Not.Null);
    }
}
