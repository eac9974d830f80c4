using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Hotspot.Tests.Dashboard;

/// <summary>
/// Checks a <c>dotnet publish</c> output (Api/PublishTests makes one): it holds the built dashboard, and the published
/// API serves it at /admin with no Node.js on its PATH.
/// </summary>
internal static partial class PublishedDashboard
{
    public static async Task AssertServedWithoutNodeAsync(string output, CancellationToken cancellationToken)
    {
        Assert.That(File.Exists(Path.Combine(output, "admin", "index.html")), Is.True,
            "the publish output holds the dashboard (admin/index.html); was Node.js missing when it was built?");

        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "hotspot-published-" + Guid.NewGuid().ToString("N"));
        // The .NET host by its full path, and a PATH of an empty folder: no node, no npm.
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "/usr/share/dotnet/dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "Hotspot.Api.dll", "--urls", $"http://127.0.0.1:{port}" },
        };
        Directory.CreateDirectory(Path.Combine(data, "empty-path"));
        start.Environment["PATH"] = Path.Combine(data, "empty-path");
        start.Environment["HOTSPOT_DATA_DIR"] = data;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try
                {
                    if ((await client.GetAsync("/healthz", cancellationToken)).IsSuccessStatusCode)
                        break;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
                {
                }
                if (process.HasExited || DateTime.UtcNow > deadline)
                    Assert.Fail("The published API did not start: " + string.Join("\n", log));
                await Task.Delay(250, cancellationToken);
            }

            using var page = await client.GetAsync("/admin/", cancellationToken);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var html = await page.Content.ReadAsStringAsync(cancellationToken);
            var script = ScriptSource().Match(html);
            Assert.That(script.Success, Is.True, "index.html loads the app's script: " + html);
            using var asset = await client.GetAsync(script.Groups[1].Value, cancellationToken);
            Assert.That(asset.StatusCode, Is.EqualTo(HttpStatusCode.OK), script.Groups[1].Value);
            Assert.That(asset.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"(/admin/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptSource();
}
