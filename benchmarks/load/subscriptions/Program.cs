// Delivery latency of GraphQL subscriptions under load, against a running Hotspot API on PostgreSQL:
//
//   1. clones the sandbox demo organization (its M-Pesa sandbox set-up and plans) into K organizations;
//   2. opens S WebSocket subscribers (graphql-transport-ws, signed in as the platform admin), each subscribed to
//      paymentReceived of one organization, spread round-robin over the K;
//   3. creates R x T pending purchases through the real portal route (the sandbox's lost-callback number, so the
//      simulator sends no callback itself), spread over the organizations;
//   4. posts their Daraja STK success callbacks at R per second for T seconds, and times each delivery from the
//      moment its callback was sent to the moment a subscriber read its paymentReceived;
//   5. prints delivery latency p50/p90/p99/max from the callback's send and from its answer (the commit), deliveries
//      missing, and the API's resident memory (VmRSS of --pid).
//
// Usage: dotnet run -c Release --project benchmarks/load/subscriptions -- <api-url> <npgsql-connection-string>
//            <admin-email> <admin-password> [--subscribers 1000] [--rate 100] [--seconds 20] [--organizations 100] [--pid <api pid>]
// The API must allow that many sockets to one user: Subscriptions__MaxConnectionsPerPrincipal=2000 (see run.sh).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Npgsql;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: SubscriptionLoad <api-url> <npgsql-connection-string> <admin-email> <admin-password> [--subscribers 1000] [--rate 100] [--seconds 20] [--organizations 100] [--pid <pid>]");
    return 2;
}
var apiUrl = args[0].TrimEnd('/');
var connectionString = args[1];
var subscribers = Option("--subscribers", 1000);
var rate = Option("--rate", 100);
var seconds = Option("--seconds", 20);
var organizationCount = Option("--organizations", 100);
var pid = Option("--pid", 0);
const string LostCallbackPhone = "254700000005";
const string DemoName = "Demo Hotspot (sandbox)";

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(apiUrl), Timeout = TimeSpan.FromMinutes(2) };
await using var data = NpgsqlDataSource.Create(connectionString);

// 1. Organizations: the demo one and clones of it (same sandbox credentials, own callback token), each with its plans.
await using (var command = data.CreateCommand($"""
    do $$
    declare i int; source uuid; clone uuid;
    begin
      select id into source from organizations where name = '{DemoName}';
      for i in (select count(*) from organizations where name like '{DemoName} load %') + 1 .. {organizationCount - 1} loop
        clone := gen_random_uuid();
        create temp table o on commit drop as select * from organizations where id = source;
        update o set id = clone, name = '{DemoName} load ' || i, daraja_callback_token = md5(random()::text || clock_timestamp()::text);
        insert into organizations select * from o;
        drop table o;
        create temp table p on commit drop as select * from plans where organization_id = source;
        update p set id = gen_random_uuid(), organization_id = clone;
        insert into plans select * from p;
        drop table p;
      end loop;
    end $$;
    """))
    await command.ExecuteNonQueryAsync();
var organizations = new List<(Guid Id, string Token, Guid PlanId, long Price)>();
await using (var command = data.CreateCommand($"""
    select o.id, o.daraja_callback_token, p.id, p.price_kes from organizations o
    join lateral (select id, price_kes from plans where organization_id = o.id order by price_kes limit 1) p on true
    where o.name = '{DemoName}' or o.name like '{DemoName} load %' order by o.name limit {organizationCount}
    """))
await using (var reader = await command.ExecuteReaderAsync())
    while (await reader.ReadAsync())
        organizations.Add((reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetInt64(3)));
Console.WriteLine($"{organizations.Count} organizations, {subscribers} subscribers, {rate} callbacks/s for {seconds} s");
Console.WriteLine($"API memory at start: {Rss(pid)}");

// 2. Subscribers.
var login = await http.PostAsJsonAsync("/graphql", new
{
    query = "mutation($i: LoginInput!) { login(input: $i) { token } }",
    variables = new { i = new { email = args[2], password = args[3] } },
});
var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("login").GetProperty("token").GetString()!;
var sentAt = new ConcurrentDictionary<string, long>();
var answeredAt = new ConcurrentDictionary<string, long>();
var latencies = new ConcurrentBag<double>();
var deliveredAt = new ConcurrentBag<(string Receipt, long At)>();
var errors = 0;
var sockets = new ClientWebSocket[subscribers];
var wsUrl = new Uri(apiUrl.Replace("http", "ws") + "/graphql");
var opened = Stopwatch.StartNew();
await Parallel.ForAsync(0, subscribers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
{
    var socket = new ClientWebSocket();
    socket.Options.AddSubProtocol("graphql-transport-ws");
    await socket.ConnectAsync(wsUrl, ct);
    await SendAsync(socket, new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });
    var ack = await ReceiveAsync(socket);
    if (ack?.GetProperty("type").GetString() != "connection_ack") throw new InvalidOperationException("no connection_ack: " + ack);
    await SendAsync(socket, new
    {
        id = "1", type = "subscribe",
        payload = new { query = "subscription($o: ID!) { paymentReceived(organizationId: $o) { id receipt status } }", variables = new { o = organizations[i % organizations.Count].Id } },
    });
    sockets[i] = socket;
});
Console.WriteLine($"{subscribers} sockets subscribed in {opened.Elapsed.TotalSeconds:F1} s; API memory: {Rss(pid)}");
var readers = sockets.Select(socket => Task.Run(async () =>
{
    while (await ReceiveAsync(socket) is { } message)
    {
        if (message.GetProperty("type").GetString() == "ping") { await SendAsync(socket, new { type = "pong" }); continue; }
        if (message.GetProperty("type").GetString() != "next") continue;
        var payload = message.GetProperty("payload");
        if (payload.TryGetProperty("errors", out _)) { Interlocked.Increment(ref errors); continue; }
        var receipt = payload.GetProperty("data").GetProperty("paymentReceived").GetProperty("receipt").GetString();
        var now = Stopwatch.GetTimestamp();
        if (receipt is not null && sentAt.TryGetValue(receipt, out var sent))
        {
            latencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
            deliveredAt.Add((receipt, now));
        }
    }
})).ToArray();

// 3. Pending purchases, round-robin over the organizations.
var total = rate * seconds;
Console.WriteLine($"Creating {total} pending purchases through /api/hotspot/purchase-voucher ...");
var purchases = new (Guid Id, int Organization)[total];
await Parallel.ForAsync(0, total, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
{
    var organization = organizations[i % organizations.Count];
    using var response = await http.PostAsJsonAsync("/api/hotspot/purchase-voucher",
        new { organizationId = organization.Id, planId = organization.PlanId, phoneNumber = LostCallbackPhone }, ct);
    var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    if ((int)response.StatusCode != 202) throw new InvalidOperationException($"purchase-voucher answered {(int)response.StatusCode}: {body}");
    purchases[i] = (body.GetProperty("purchaseId").GetGuid(), i % organizations.Count);
});
var checkouts = new Dictionary<Guid, string>();
await using (var command = data.CreateCommand("select id, provider_request_id from purchases where id = any($1)"))
{
    command.Parameters.Add(new NpgsqlParameter { Value = purchases.Select(p => p.Id).ToArray() });
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync()) checkouts[reader.GetGuid(0)] = reader.GetString(1);
}

// 4. Callbacks at the rate; each delivery timed from its callback's send.
var subscribersPerOrganization = Enumerable.Range(0, organizations.Count).Select(o => Enumerable.Range(0, subscribers).Count(i => i % organizations.Count == o)).ToArray();
var expected = purchases.Sum(p => subscribersPerOrganization[p.Organization]);
Console.WriteLine($"Posting {total} STK callbacks at {rate}/s; {expected} deliveries expected ...");
var failures = 0;
var posts = new List<Task>();
var clock = Stopwatch.StartNew();
for (var i = 0; i < total; i++)
{
    var due = TimeSpan.FromSeconds((double)i / rate);
    if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
    var (purchaseId, index) = purchases[i];
    var organization = organizations[index];
    var receipt = "S" + i.ToString("D9");
    var json = $$"""{"Body":{"stkCallback":{"MerchantRequestID":"load","CheckoutRequestID":"{{checkouts[purchaseId]}}","ResultCode":0,"ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"Amount","Value":{{organization.Price}} },{"Name":"MpesaReceiptNumber","Value":"{{receipt}}"},{"Name":"PhoneNumber","Value":254700000005} ] } } } }""";
    sentAt[receipt] = Stopwatch.GetTimestamp();
    posts.Add(Task.Run(async () =>
    {
        using var response = await http.PostAsync($"/api/payments/daraja/callback/{organization.Id}/{organization.Token}",
            new StringContent(json, Encoding.UTF8, "application/json"));
        answeredAt[receipt] = Stopwatch.GetTimestamp();
        if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
    }));
}
await Task.WhenAll(posts);
var sendSeconds = clock.Elapsed.TotalSeconds;
var waited = Stopwatch.StartNew();
while (latencies.Count < expected && waited.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(100);
var memory = Rss(pid);

// 5. The figures.
var sorted = latencies.OrderBy(l => l).ToArray();
double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
Console.WriteLine($"callbacks posted: {total} in {sendSeconds:F1} s ({total / sendSeconds:F0}/s), non-2xx answers: {failures}");
Console.WriteLine($"deliveries: {sorted.Length}/{expected} ({expected - sorted.Length} missing), events with errors: {errors}");
Console.WriteLine($"delivery latency (callback sent -> subscriber read it): p50 {Percentile(50):F1} ms, p90 {Percentile(90):F1} ms, p99 {Percentile(99):F1} ms, max {(sorted.Length == 0 ? double.NaN : sorted[^1]):F1} ms");
// From the callback's answer (its transaction committed) to the subscriber: the fan-out's own share. A delivery
// that beat the HTTP answer back to this process counts as 0.
var afterCommit = deliveredAt.Select(d => Math.Max(0, Stopwatch.GetElapsedTime(answeredAt[d.Receipt], d.At).TotalMilliseconds)).OrderBy(l => l).ToArray();
double AfterCommit(double p) => afterCommit.Length == 0 ? double.NaN : afterCommit[Math.Min(afterCommit.Length - 1, (int)Math.Ceiling(p / 100 * afterCommit.Length) - 1)];
Console.WriteLine($"delivery latency after commit (callback answered -> subscriber read it): p50 {AfterCommit(50):F1} ms, p90 {AfterCommit(90):F1} ms, p99 {AfterCommit(99):F1} ms");
Console.WriteLine($"API memory with {subscribers} subscribers after the run: {memory}");
foreach (var socket in sockets) socket.Abort();
return sorted.Length == expected && failures == 0 && errors == 0 ? 0 : 1;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

static string Rss(int pid)
{
    if (pid <= 0 || !File.Exists($"/proc/{pid}/status")) return "(pass --pid to read it)";
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return line is null ? "unknown" : $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024} MiB RSS";
}

static Task SendAsync(ClientWebSocket socket, object message) =>
    socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

static async Task<JsonElement?> ReceiveAsync(ClientWebSocket socket)
{
    var buffer = new byte[16 * 1024];
    var length = 0;
    try
    {
        WebSocketReceiveResult received;
        do
        {
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            received = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
            length += received.Count;
        } while (!received.EndOfMessage);
        if (received.MessageType == WebSocketMessageType.Close) return null;
    }
    catch (WebSocketException)
    {
        return null;
    }
    return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
}
