using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DashboardScale;

/// <summary>
/// The closed-loop clients, run in a process of their own (this program started again with <c>--load</c>), so the
/// API's process spends its CPU on the API alone and its CPU per request can be read from the process.
/// The child reads its settings from the environment (the bearer token is not put on a command line), prints
/// <see cref="MeasuringLine"/> when the measured run starts, then one JSON line of <see cref="LoadResult"/>.
/// </summary>
internal static class LoadClients
{
    public const string MeasuringLine = "measuring";
    public const string ResultPrefix = "result ";
    private const string UrlVariable = "DASHBOARD_SCALE_URL";
    private const string TokenVariable = "DASHBOARD_SCALE_TOKEN";
    private const string OrganizationVariable = "DASHBOARD_SCALE_ORGANIZATION";

    /// <summary>Starts the clients' process against <paramref name="url"/>; its output is read by the caller.</summary>
    public static Process Start(Uri url, string token, string organization, int clients, TimeSpan warmup, TimeSpan duration)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var host = Environment.ProcessPath!;
        start.FileName = host;
        // Run as `dotnet DashboardScale.dll` the host is dotnet and needs the assembly; run by its apphost it does not.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(LoadClients).Assembly.Location);
        foreach (var arg in new[] { "--load", "--clients", clients.ToString(CultureInfo.InvariantCulture), "--warmup", warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--duration", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        start.Environment[UrlVariable] = url.ToString();
        start.Environment[TokenVariable] = token;
        start.Environment[OrganizationVariable] = organization;
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the clients' process.");
    }

    /// <summary>The child's side: warm up, say so, run the measured period, print the result.</summary>
    public static async Task RunAsync(int clients, TimeSpan warmup, TimeSpan duration)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable(UrlVariable)!) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable(TokenVariable));
        var variables = new { o = Environment.GetEnvironmentVariable(OrganizationVariable) };

        await RunForAsync(http, variables, clients, warmup);
        Console.WriteLine(MeasuringLine);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (latencies, failures) = await RunForAsync(http, variables, clients, duration);
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(new LoadResult(latencies, failures, cpuMs)));
    }

    private static async Task<(List<double> Latencies, int Failures)> RunForAsync(HttpClient http, object variables, int clients, TimeSpan length)
    {
        var end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var all = new List<double>();
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (Stopwatch.GetTimestamp() < end)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/graphql", new { query = DashboardQuery.Text, variables });
                var body = await response.Content.ReadAsStringAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode || body.Contains("\"errors\"")) Interlocked.Increment(ref failed);
            }
            lock (all) all.AddRange(mine);
        })));
        return (all, failed);
    }
}

/// <summary>What the clients measured: each request's latency in ms, the failed requests, the clients' own CPU.</summary>
internal sealed record LoadResult(List<double> Latencies, int Failures, double ClientCpuMs);
