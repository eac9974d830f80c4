using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hotspot.Tests.GraphQL.Conformance;

/// <summary>
/// A built server (GraphQLHost or Hotspot.Api) running as a child process on a free port, ready once its
/// <c>/graphql</c> answers <c>{ __typename }</c>; killed on dispose, with its scratch directory removed.
/// </summary>
public sealed class GraphQLServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly string? _scratchDirectory;
    private readonly StringBuilder _output = new();

    private GraphQLServerProcess(Process process, string name, string baseUrl, string? scratchDirectory)
    {
        _process = process;
        _name = name;
        BaseUrl = baseUrl;
        _scratchDirectory = scratchDirectory;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>The GraphQL endpoint, e.g. <c>http://127.0.0.1:41234/graphql</c>.</summary>
    public string GraphQLUrl => BaseUrl + "/graphql";

    /// <summary>What the process has written to stdout and stderr so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>tools/GraphQLHost serving <paramref name="schemaPath"/> over the JSON data in <paramref name="dataPath"/>.</summary>
    public static Task<GraphQLServerProcess> StartGraphQLHostAsync(string schemaPath, string dataPath) =>
        StartAsync("GraphQLHost", ConformanceEnvironment.GraphQLHostDll, port => ["--schema", schemaPath, "--data", dataPath, "--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string?>(), scratchDirectory: null);

    /// <summary>Hotspot.Api in Production on SQLite in a fresh data directory, with a made-up encryption key.</summary>
    public static Task<GraphQLServerProcess> StartApiAsync() => StartApiAsync(new Dictionary<string, string?>());

    /// <param name="settings">Environment variables over the Production defaults (e.g. <c>ASPNETCORE_ENVIRONMENT</c>).</param>
    public static Task<GraphQLServerProcess> StartApiAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var dll = Path.Combine(ConformanceEnvironment.RepositoryRoot, "Hotspot.Api", "bin", testDirectory.Parent!.Name, testDirectory.Name, "Hotspot.Api.dll");
        if (!File.Exists(dll)) Assert.Fail($"{dll} is missing: build Hotspot.Api first.");
        var dataDirectory = Path.Combine(Path.GetTempPath(), "hotspot-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["HOTSPOT_DATA_DIR"] = dataDirectory,
            ["HOTSPOT_ENCRYPTION_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["ConnectionStrings__Hotspot"] = null,
        };
        foreach (var (key, value) in settings)
            environment[key] = value;
        return StartAsync("Hotspot.Api", dll, port => [], environment, dataDirectory, urlVariable: true);
    }

    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    /// <param name="urlVariable">Pass the address in <c>ASPNETCORE_URLS</c> rather than in the arguments.</param>
    private static async Task<GraphQLServerProcess> StartAsync(string name, string dll, Func<int, string[]> arguments,
        Dictionary<string, string?> environment, string? scratchDirectory, bool urlVariable = false)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments(port))
            start.ArgumentList.Add(argument);
        if (urlVariable)
            environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var server = new GraphQLServerProcess(process, name, $"http://127.0.0.1:{port}", scratchDirectory);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                using var content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(GraphQLUrl, content);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{_name} did not answer at {GraphQLUrl} within 60 s:\n{Output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_scratchDirectory is null) return;
        try { Directory.Delete(_scratchDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
