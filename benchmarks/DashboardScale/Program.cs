// dotnet run --project benchmarks/DashboardScale -c Release -- --connection "<Npgsql connection string>"
//     [--organization <id>] [--clients 8] [--duration 20] [--warmup 60]
// The README's dashboard query (organization, both configurations, the last 20 paid purchases by payment time, the
// last 20 M-Pesa and Kopo Kopo transactions and 20 unused vouchers, each with totalCount, and 30 days of revenue)
// from --clients closed-loop clients (in a second process, this program with --load) against the real API hosted
// here on Kestrel, on a database seeded by tools/ScaleSeed (its large organization unless --organization names one).
// Prints p50/p90/p99 and the API process's CPU and allocations per request, then EXPLAIN
// (ANALYZE, BUFFERS) of every SQL statement one dashboard request runs, then checks each totalCount and the revenue
// against plain SQL.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace DashboardScale;

// A named entry point, not top-level statements: the API's own Program is the class the host is built from.
internal static class DashboardBenchmark
{
    public static async Task Main(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        var clients = int.Parse(Arg("clients") ?? "8");
        var duration = TimeSpan.FromSeconds(double.Parse(Arg("duration") ?? "20", CultureInfo.InvariantCulture));
        var warmup = TimeSpan.FromSeconds(double.Parse(Arg("warmup") ?? "60", CultureInfo.InvariantCulture));
        if (args.Contains("--load"))
        {
            await LoadClients.RunAsync(clients, warmup, duration);
            return;
        }
        var connectionString = Arg("connection") ?? throw new ArgumentException("--connection <Npgsql connection string> is required");
        var encryptionKey = Environment.GetEnvironmentVariable("HOTSPOT_ENCRYPTION_KEY")
            ?? Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("hotspot scale benchmark, not a secret"u8.ToArray()));

        await using var database = new NpgsqlConnection(connectionString);
        await database.OpenAsync();
        var organization = Arg("organization") ?? (await new NpgsqlCommand(
            "SELECT id::text FROM organizations WHERE name = 'Scale ISP (large)' ORDER BY created_at DESC LIMIT 1", database).ExecuteScalarAsync()) as string
            ?? throw new InvalidOperationException("No seeded organization: run tools/ScaleSeed first, or pass --organization.");

        var capture = new StatementCapture();
        await using var api = new BenchmarkApi(connectionString, encryptionKey);
        api.StartServer();
        using var http = api.CreateClient();
        var login = await PostAsync(http, "mutation($i: LoginInput!) { login(input: $i) { token } }",
            new { i = new { email = BenchmarkApi.AdminEmail, password = BenchmarkApi.AdminPassword } });
        var token = login["data"]!["login"]!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var variables = new { o = organization };
        var first = await PostAsync(http, DashboardQuery.Text, variables);
        if (first["errors"] is not null) throw new InvalidOperationException(first.ToJsonString());

        // The clients run in a process of their own: this process's CPU during the measured run is the API's.
        using var load = LoadClients.Start(http.BaseAddress!, token, organization, clients, warmup, duration);
        TimeSpan cpuBefore = default, cpuAfter = default, jitBefore = default, jitAfter = default;
        long jittedBefore = 0, jittedAfter = 0;
        long allocatedBefore = 0, allocatedAfter = 0;
        int gen0Before = 0, gen2Before = 0, gen0After = 0, gen2After = 0;
        LoadResult? result = null;
        while (await load.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == LoadClients.MeasuringLine)
            {
                (cpuBefore, allocatedBefore, gen0Before, gen2Before) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2));
                (jitBefore, jittedBefore) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
            }
            else if (line.StartsWith(LoadClients.ResultPrefix))
            {
                (cpuAfter, allocatedAfter, gen0After, gen2After) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2));
                (jitAfter, jittedAfter) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
                result = JsonSerializer.Deserialize<LoadResult>(line[LoadClients.ResultPrefix.Length..]);
            }
        }
        await load.WaitForExitAsync();
        if (result is null || result.Latencies.Count == 0) throw new InvalidOperationException($"The clients' process ended ({load.ExitCode}) without a result.");
        var (latencies, failures) = (result.Latencies, result.Failures);
        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p / 100 * latencies.Count))];
        Console.WriteLine($"dashboard query, organization {organization}, {clients} clients, {duration.TotalSeconds:F0} s: {latencies.Count} requests " +
            $"({latencies.Count / duration.TotalSeconds:F0}/s), {failures} failed; latency ms p50 {Percentile(50):F1}, p90 {Percentile(90):F1}, " +
            $"p99 {Percentile(99):F1}, max {latencies[^1]:F1}");
        // CPU per request holds under load where latency does not: the figure to compare between versions on a busy machine.
        Console.WriteLine($"API process: {(cpuAfter - cpuBefore).TotalMilliseconds / latencies.Count:F2} ms CPU per request, " +
            $"{(allocatedAfter - allocatedBefore) / 1024.0 / latencies.Count:F0} KiB allocated per request, {gen0After - gen0Before} gen0 and " +
            $"{gen2After - gen2Before} gen2 collections ({(GCSettings.IsServerGC ? "server" : "workstation")} GC, " +
            $"{(GCSettings.IsServerGC ? "" : GCSettings.LatencyMode + ", ")}{Environment.ProcessorCount} processors); " +
            $"clients' process: {result.ClientCpuMs / latencies.Count:F2} ms CPU per request");
        // Methods compiled during the measured run: tiering still at work, or code generated per request.
        Console.WriteLine($"JIT during the measured run: {jittedAfter - jittedBefore} methods compiled in {(jitAfter - jitBefore).TotalMilliseconds:F0} ms");

        // One more request, alone, with its statements recorded, then each statement explained with the same parameters.
        capture.Recording = true;
        var explained = await PostAsync(http, DashboardQuery.Text, variables);
        capture.Recording = false;
        var statements = 0;
        var executionMs = 0.0;
        foreach (var statement in capture.Take())
        {
            Console.WriteLine($"\n-- {statement.Duration.TotalMilliseconds:F2} ms in the API: {statement.Sql.ReplaceLineEndings(" ")}");
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + statement.Sql, database);
            foreach (var parameter in statement.Parameters) explain.Parameters.Add(parameter.Clone());
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var line = reader.GetString(0);
                Console.WriteLine("   " + line);
                if (line.StartsWith("Execution Time: ")) executionMs += double.Parse(line["Execution Time: ".Length..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            statements++;
        }
        // What the database itself spends on one dashboard, apart from the API, the network and this machine's load.
        Console.WriteLine($"\n{statements} statements per dashboard request; their execution times (EXPLAIN ANALYZE) add up to {executionMs:F2} ms; " +
            $"EF Core compiled {capture.Compilations} LINQ queries for it (query cache misses)");

        // Every figure against plain SQL.
        var org = explained["data"]!["organization"]!;
        var exact = true;
        async Task CheckAsync(string what, long shown, string sql)
        {
            await using var command = new NpgsqlCommand(sql, database);
            command.Parameters.AddWithValue("o", Guid.Parse(organization));
            command.CommandTimeout = 300;
            var counted = Convert.ToInt64(await command.ExecuteScalarAsync());
            exact &= counted == shown;
            Console.WriteLine($"{what}: dashboard {shown}, SQL {counted}{(counted == shown ? "" : "  MISMATCH")}");
        }
        Console.WriteLine();
        await CheckAsync("paid purchases", org["purchases"]!["totalCount"]!.GetValue<long>(), "SELECT count(*) FROM purchases WHERE organization_id = @o AND status = 'Paid'");
        await CheckAsync("M-Pesa transactions", org["mpesaTransactions"]!["totalCount"]!.GetValue<long>(), "SELECT count(*) FROM isp_mpesa_transactions WHERE organization_id = @o");
        await CheckAsync("Kopo Kopo transactions", org["kopokopoTransactions"]!["totalCount"]!.GetValue<long>(), "SELECT count(*) FROM isp_kopokopo_transactions WHERE organization_id = @o");
        await CheckAsync("unused vouchers", org["vouchers"]!["totalCount"]!.GetValue<long>(), "SELECT count(*) FROM vouchers WHERE organization_id = @o AND status = 'Unused'");
        var days = org["revenueByDay"]!.AsArray();
        var rangeSql = "organization_id = @o AND status = 'Paid' AND paid_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '29 days'";
        await CheckAsync("revenue, 30 days (KES)", days.Sum(d => d!["amountKes"]!.GetValue<long>()), $"SELECT coalesce(sum(amount_kes), 0) FROM purchases WHERE {rangeSql}");
        await CheckAsync("paid purchases, 30 days", days.Sum(d => d!["purchaseCount"]!.GetValue<long>()), $"SELECT count(*) FROM purchases WHERE {rangeSql}");
        Console.WriteLine(exact ? "every figure exact" : "FIGURES DIFFER");
        if (!exact || failures > 0) Environment.ExitCode = 1;

        static async Task<JsonNode> PostAsync(HttpClient http, string query, object variables)
        {
            using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
    }
}
