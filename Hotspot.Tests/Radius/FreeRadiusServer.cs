using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hotspot.Tests.Radius;

/// <summary>
/// A real FreeRADIUS 3.2 with the repository's deploy/freeradius configuration, generated into a temp folder
/// from the installed /etc/freeradius/3.0 and started on free UDP ports on 127.0.0.1.
/// Without the freeradius binary: ignored locally, a failure in CI (CI=true), where .ci/run installs it.
/// </summary>
internal sealed class FreeRadiusServer : IAsyncDisposable
{
    public const string ClientSecret = "test-client-secret-0002";
    private const string InstalledRaddb = "/etc/freeradius/3.0";

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _directory;

    private FreeRadiusServer(Process process, string directory, int authPort)
    {
        _process = process;
        _directory = directory;
        AuthPort = authPort;
    }

    public int AuthPort { get; }
    public int AcctPort => AuthPort + 1;
    public string Log { get { lock (_log) return _log.ToString(); } }

    public static void RequireInstalled()
    {
        if (FindOnPath("freeradius") is not null && FindOnPath("radclient") is not null && File.Exists(Path.Combine(InstalledRaddb, "mods-available", "rest")))
            return;
        const string message = "FreeRADIUS tests need Debian's freeradius, freeradius-rest and freeradius-utils (deploy/freeradius/ci-setup.sh installs them).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Ignore(message);
    }

    public static async Task<FreeRadiusServer> StartAsync(string apiUrl, string apiSecret)
    {
        RequireInstalled();
        var directory = Path.Combine(Path.GetTempPath(), "hotspot-freeradius", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await RunAsync("cp", ["-a", InstalledRaddb + "/.", directory]);
        await RunAsync("sh", [Path.Combine(RepositoryRoot.Path, "deploy", "freeradius", "install.sh"), directory]);
        var port = FreeUdpPortPair();
        PatchForTests(directory, port);

        var start = new ProcessStartInfo(FindOnPath("freeradius")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -X: foreground, one thread, log to stdout (kept for failure messages).
        foreach (var arg in new[] { "-X", "-d", directory })
            start.ArgumentList.Add(arg);
        start.Environment["HOTSPOT_API_URL"] = apiUrl;
        start.Environment["HOTSPOT_RADIUS_SECRET"] = apiSecret;
        start.Environment["HOTSPOT_RADIUS_CLIENT_SECRET"] = ClientSecret;
        start.Environment["HOTSPOT_ROUTER_NETWORK"] = "10.255.255.0/24";

        var process = Process.Start(start)!;
        var server = new FreeRadiusServer(process, directory, port);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (server._log) server._log.AppendLine(e.Data);
            if (e.Data.Contains("Ready to process requests")) ready.TrySetResult();
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(30)));
        if (first != ready.Task)
        {
            var log = server.Log;
            await server.DisposeAsync();
            Assert.Fail("FreeRADIUS did not start:\n" + Tail(log));
        }
        return server;
    }

    /// <summary>Sends one packet with radclient; returns the reply code line and the reply attributes.</summary>
    public async Task<RadiusReply> SendAsync(string type, params (string Name, string Value)[] attributes)
    {
        var port = type == "acct" ? AcctPort : AuthPort;
        var input = string.Join(",", attributes.Select(a => $"{a.Name} = \"{a.Value}\""));
        var (exit, output) = await RunAsync("radclient", ["-x", "-r", "1", "-t", "5", $"127.0.0.1:{port}", type, ClientSecret], input, check: false);
        return RadiusReply.Parse(exit, output);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static string Tail(string text, int lines = 60) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));

    // The copy runs as whoever runs the tests, in the temp folder: no user switch, run and log dirs inside it,
    // no reject delay (it would slow every reject test by a second), and the site listens on the test's ports.
    private static void PatchForTests(string directory, int authPort)
    {
        var radiusdConf = Path.Combine(directory, "radiusd.conf");
        File.WriteAllLines(radiusdConf, File.ReadAllLines(radiusdConf).Select(line =>
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("raddbdir =")) return $"raddbdir = {directory}";
            if (trimmed.StartsWith("run_dir =")) return $"run_dir = {directory}";
            if (trimmed.StartsWith("logdir =")) return $"logdir = {directory}";
            if (trimmed.StartsWith("reject_delay =")) return "reject_delay = 0";
            if (trimmed.StartsWith("user = ") || trimmed.StartsWith("group = ")) return "#" + line;
            return line;
        }));

        var site = Path.Combine(directory, "sites-available", "hotspot");
        var nextPort = authPort;
        File.WriteAllLines(site, File.ReadAllLines(site).Select(line =>
        {
            var trimmed = line.Trim();
            if (trimmed == "ipaddr = *") return "\t\tipaddr = 127.0.0.1";
            if (trimmed == "port = 0") return $"\t\tport = {nextPort++}";
            return line;
        }));
    }

    private static int FreeUdpPortPair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var first = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)first.Client.LocalEndPoint!).Port;
            if (port >= 65535) continue;
            try
            {
                using var second = new UdpClient(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException) { }
        }
        throw new InvalidOperationException("No free pair of UDP ports.");
    }

    private static string? FindOnPath(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "") + ":/usr/sbin:/sbin:/usr/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, string? stdin = null, bool check = true)
    {
        var info = new ProcessStartInfo(FindOnPath(file) ?? file)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        if (check && process.ExitCode != 0)
            Assert.Fail($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{output}");
        return (process.ExitCode, output);
    }
}
