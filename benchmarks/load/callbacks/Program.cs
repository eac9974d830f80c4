// Callbacks settled per second, with exactly-once activation, against a running Hotspot API on PostgreSQL.
//
//   1. creates N pending purchases through the real portal route (the sandbox's lost-callback phone number,
//      so the simulator itself sends no callback);
//   2. posts one Daraja STK success callback per purchase (each twice with --duplicates), C at a time, and
//      times it from the first request to the last answer;
//   3. checks in the database that exactly N purchases are PAID with exactly N vouchers.
//
// Usage: dotnet run -c Release --project benchmarks/load/callbacks -- <api-url>[,<api-url>...] <npgsql-connection-string> [N] [C] [--duplicates] [--mix] [--analyze]
//        [--failover] [--api-pid <pid>[,<pid>...]] [--postgres-pid <postmaster pid>]
//
// Several comma-separated URLs (instances of the API on one database) get the requests in turn, as behind a balancer.
// --mix adds 10% hostile traffic to the N callbacks: N/20 exact re-deliveries and N/20 forgeries (a wrong callback
// token, answered 401 and kept for review); the settled rate still counts the N purchases only.
//
// --failover is for runs where an instance is killed: a request refused by a dead instance goes to the next one, as a
// balancer does, and a callback in flight when its instance died (no answer) is counted as lost, not as a failure; the
// tool then waits up to two minutes for the reconciler to settle what those callbacks would have, and checks the
// purchases are paid exactly once.
//
// --analyze runs ANALYZE on purchases after creating them, as autovacuum does within a minute of a burst: without
// fresh statistics PostgreSQL may answer the PENDING->PAID UPDATE (id and status) through the status index and read
// every pending row for each callback.
//
// --api-pid and --postgres-pid (Linux) add CPU time per settled callback, which stays meaningful on a busy machine
// where wall-clock rates do not: the API processes' utime+stime from /proc/<pid>/stat, and that of the postmaster's
// backends connected to the connection string's database (other databases' backends and the shared WAL writer and
// checkpointer are left out), each read before and after the callbacks. The tool's own CPU is printed too.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: CallbackLoad <api-url> <npgsql-connection-string> [count=2000] [concurrency=64] [--duplicates]");
    return 2;
}

var apiUrls = args[0].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => u.TrimEnd('/')).ToArray();
var connectionString = args[1];
var count = args.Length > 2 && int.TryParse(args[2], out var n) ? n : 2000;
var concurrency = args.Length > 3 && int.TryParse(args[3], out var c) ? c : 64;
var duplicates = args.Contains("--duplicates");
var analyze = args.Contains("--analyze");
var mix = args.Contains("--mix");
var failover = args.Contains("--failover");
var apiPids = Option("--api-pid")?.Split(',').Select(int.Parse).ToArray() ?? [];
var postmasterPid = Option("--postgres-pid") is { } pm ? int.Parse(pm) : (int?)null;
const string LostCallbackPhone = "254700000005"; // the simulator's "payment succeeds, callback lost" number

var clients = apiUrls.Select(u => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(u), Timeout = TimeSpan.FromMinutes(2) }).ToArray();
var http = clients[0];
HttpClient For(int i) => clients[i % clients.Length];

// Sends to instance `turn`; with --failover a refused connection (a dead instance) moves on to the next instance.
async Task<HttpResponseMessage> PostAsync(int turn, string path, Func<HttpContent> content, CancellationToken ct)
{
    for (var attempt = 0; ; attempt++)
    {
        try
        {
            return await For(turn + attempt).PostAsync(path, content(), ct);
        }
        catch (HttpRequestException e) when (failover && e.HttpRequestError == HttpRequestError.ConnectionError && attempt + 1 < clients.Length)
        {
        }
    }
}
await using var data = NpgsqlDataSource.Create(connectionString);

// The demo organization the API seeds in Development, and its cheapest plan.
var (organizationId, token) = await SingleAsync(data, "select id, daraja_callback_token from organizations where name = 'Demo Hotspot (sandbox)'",
    r => (r.GetGuid(0), r.GetString(1)));
var plans = await http.GetFromJsonAsync<JsonElement>($"/api/hotspot/organizations/{organizationId}/plans");
var planId = plans[0].GetProperty("id").GetGuid();
var price = plans[0].GetProperty("priceKes").GetInt64();

Console.WriteLine($"Creating {count} pending purchases through /api/hotspot/purchase-voucher ...");
var purchaseIds = new Guid[count];
var purchaseRetries = 0;
await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
{
    for (var attempt = 1; ; attempt++)
    {
        using var response = await PostAsync(i + attempt - 1, "/api/hotspot/purchase-voucher", () => JsonContent.Create(new { organizationId, planId, phoneNumber = LostCallbackPhone }), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        // "Try again in a moment" (502: the provider refused, e.g. a token another instance replaced; 503: the database
        // was briefly out of reach) is what a customer does; --failover runs count those retries.
        if (failover && (int)response.StatusCode is 502 or 503 && attempt < 5)
        {
            Interlocked.Increment(ref purchaseRetries);
            await Task.Delay(200 * attempt, ct);
            continue;
        }
        if ((int)response.StatusCode != 202)
            throw new InvalidOperationException($"purchase-voucher answered {(int)response.StatusCode}: {body}");
        purchaseIds[i] = body.GetProperty("purchaseId").GetGuid();
        return;
    }
});

var checkouts = new Dictionary<Guid, string>();
await using (var command = data.CreateCommand("select id, provider_request_id from purchases where id = any($1)"))
{
    command.Parameters.Add(new NpgsqlParameter { Value = purchaseIds });
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
        checkouts[reader.GetGuid(0)] = reader.GetString(1);
}
if (checkouts.Count != count)
    throw new InvalidOperationException($"expected {count} purchases with a request id, found {checkouts.Count}");

if (analyze)
{
    await using var command = data.CreateCommand("analyze purchases");
    await command.ExecuteNonQueryAsync();
}

var genuine = checkouts.Values.SelectMany(checkout => Enumerable.Repeat(checkout, duplicates ? 2 : 1)).ToList();
var hostile = mix ? Math.Max(1, count / 20) : 0;
var callbacks = genuine.Select(checkout => (Checkout: checkout, Forged: false))
    .Concat(genuine.OrderBy(_ => Random.Shared.Next()).Take(hostile).Select(checkout => (Checkout: checkout, Forged: false)))
    .Concat(genuine.OrderBy(_ => Random.Shared.Next()).Take(hostile).Select(checkout => (Checkout: checkout, Forged: true)))
    .OrderBy(_ => Random.Shared.Next()).Select((c, i) => (c.Checkout, c.Forged, Turn: i)).ToArray();
var url = $"/api/payments/daraja/callback/{organizationId}/{token}";
var forgedUrl = $"/api/payments/daraja/callback/{organizationId}/forged-{Guid.NewGuid():N}";
// Bodies are built before the clock starts: the tool shares the CPU with the API and PostgreSQL.
var bodies = callbacks.Select(callback =>
{
    var receipt = "L" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(callback.Checkout)))[..9];
    return Encoding.UTF8.GetBytes($$"""{"Body":{"stkCallback":{"MerchantRequestID":"load","CheckoutRequestID":"{{callback.Checkout}}","ResultCode":0,"ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"Amount","Value":{{price}} },{"Name":"MpesaReceiptNumber","Value":"{{receipt}}"},{"Name":"PhoneNumber","Value":254700000005} ] } } } }""");
}).ToArray();
var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres";
var apiCpuBefore = apiPids.Sum(CpuTicks);
var postgresCpuBefore = postmasterPid is { } postmaster ? BackendCpuTicks(postmaster, database) : [];
var toolCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
Console.WriteLine($"Posting {callbacks.Length} STK callbacks ({hostile} re-deliveries and {hostile} forgeries among them), {concurrency} at a time, to {clients.Length} instance(s) ...");
var failures = 0;
var forgeriesRefused = 0;
var lostInFlight = 0;
var watch = Stopwatch.StartNew();
await Parallel.ForEachAsync(callbacks, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (callback, ct) =>
{
    var (_, forged, turn) = callback;
    HttpResponseMessage response;
    try
    {
        response = await PostAsync(turn, forged ? forgedUrl : url, () =>
        {
            var content = new ByteArrayContent(bodies[turn]);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return content;
        }, ct);
    }
    catch (HttpRequestException) when (failover)
    {
        // Delivered (or not) to an instance that died before answering: M-Pesa would not learn the outcome either.
        Interlocked.Increment(ref lostInFlight);
        return;
    }
    using var _ = response;
    if (forged && (int)response.StatusCode == 401)
        Interlocked.Increment(ref forgeriesRefused);
    else if (failover && !forged && (int)response.StatusCode >= 500)
        Interlocked.Increment(ref lostInFlight); // not settled here; the reconciler settles it, as for a lost one
    else if (forged || !response.IsSuccessStatusCode)
        Interlocked.Increment(ref failures);
});
watch.Stop();
var apiCpu = apiPids.Sum(CpuTicks) - apiCpuBefore;
// Per backend: one that started meanwhile counts whole; one that ended meanwhile (an idle pooled connection closed)
// is left out, so the figure can only be low.
var postgresCpu = postmasterPid is { } pmAfter
    ? BackendCpuTicks(pmAfter, database).Sum(b => b.Value - postgresCpuBefore.GetValueOrDefault(b.Key))
    : 0;
var toolCpu = Process.GetCurrentProcess().TotalProcessorTime - toolCpuBefore;

var paid = await SingleAsync(data, $"select count(*) from purchases where id = any(@ids) and status = 'Paid'", r => r.GetInt64(0), purchaseIds);
if (failover)
{
    // What the lost callbacks would have settled is the reconciler's (it asks the provider for each pending purchase).
    Console.WriteLine($"purchase requests tried again after 502/503: {purchaseRetries}");
    Console.WriteLine($"callbacks lost in flight with a killed instance or answered 5xx: {lostInFlight}; purchases paid when the last callback was answered: {paid}/{count}");
    var settle = Stopwatch.StartNew();
    while (paid < count && settle.Elapsed < TimeSpan.FromMinutes(2))
    {
        await Task.Delay(1000);
        paid = await SingleAsync(data, $"select count(*) from purchases where id = any(@ids) and status = 'Paid'", r => r.GetInt64(0), purchaseIds);
    }
    Console.WriteLine($"the reconciler settled the rest in {settle.Elapsed.TotalSeconds:F0} s");
}
var vouchers = await SingleAsync(data, $"select count(*) from vouchers where purchase_id = any(@ids)", r => r.GetInt64(0), purchaseIds);
var perSecond = count / watch.Elapsed.TotalSeconds;
Console.WriteLine($"callbacks posted: {callbacks.Length} ({(duplicates ? "each twice" : "once each")}{(mix ? $", plus {hostile} re-deliveries and {hostile} forgeries ({forgeriesRefused} refused with 401)" : "")}), unexpected answers: {failures}");
Console.WriteLine($"purchases paid: {paid}/{count}, vouchers: {vouchers} (exactly once: {(paid == count && vouchers == count ? "yes" : "NO")})");
Console.WriteLine($"elapsed: {watch.Elapsed.TotalSeconds:F2} s, purchases settled per second: {perSecond:F0}, callbacks answered per second: {callbacks.Length / watch.Elapsed.TotalSeconds:F0}");
var ticksPerSecond = 100.0; // USER_HZ, 100 on Linux
if (apiPids.Length > 0)
    Console.WriteLine($"API CPU: {apiCpu / ticksPerSecond:F2} s, {apiCpu / ticksPerSecond * 1000 / count:F3} ms per settled callback");
if (postmasterPid is not null)
    Console.WriteLine($"PostgreSQL backends' CPU ({database}): {postgresCpu / ticksPerSecond:F2} s, {postgresCpu / ticksPerSecond * 1000 / count:F3} ms per settled callback");
Console.WriteLine($"load tool CPU: {toolCpu.TotalSeconds:F2} s, {toolCpu.TotalMilliseconds / count:F3} ms per settled callback");
return paid == count && vouchers == count && failures == 0 ? 0 : 1;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

// utime + stime (fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name), in clock ticks.
static long CpuTicks(int pid)
{
    try
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }
    catch (IOException)
    {
        return 0; // the process ended
    }
}

// The postmaster's children whose title names the database (its client backends), by process id.
static Dictionary<int, long> BackendCpuTicks(int postmaster, string database)
{
    var backends = new Dictionary<int, long>();
    foreach (var dir in Directory.EnumerateDirectories("/proc"))
    {
        if (!int.TryParse(Path.GetFileName(dir), out var pid))
            continue;
        try
        {
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1]) != postmaster)
                continue;
            var title = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            if (title.Contains($" {database} "))
                backends[pid] = long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        catch (IOException)
        {
            // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
    return backends;
}

static async Task<T> SingleAsync<T>(NpgsqlDataSource data, string sql, Func<NpgsqlDataReader, T> read, Guid[]? ids = null)
{
    await using var command = data.CreateCommand(sql);
    if (ids is not null)
        command.Parameters.AddWithValue("ids", ids);
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
        throw new InvalidOperationException("no row for: " + sql);
    return read(reader);
}
