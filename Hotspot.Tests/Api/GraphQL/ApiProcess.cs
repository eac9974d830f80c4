using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hotspot.Tests.GraphQL.Conformance;

namespace Hotspot.Tests.Api.GraphQL;

/// <summary>The built Hotspot.Api running as a child process on a free port with a temporary data directory.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    private ApiProcess(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }
    public string GraphQLUrl => BaseUrl + "/graphql";

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<ApiProcess> StartAsync()
    {
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var dll = Path.Combine(ConformanceEnvironment.RepositoryRoot, "Hotspot.Api", "bin", testDirectory.Parent!.Name, testDirectory.Name, "Hotspot.Api.dll");
        if (!File.Exists(dll)) Assert.Fail($"{dll} is missing: build Hotspot.Api first.");
        var port = FreePort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "hotspot-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["HOTSPOT_DATA_DIR"] = dataDirectory;
        start.Environment["HOTSPOT_ENCRYPTION_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        start.Environment.Remove("ConnectionStrings__Hotspot");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var api = new ApiProcess(process, $"http://127.0.0.1:{port}", dataDirectory);
        process.OutputDataReceived += (_, e) => api.Append(e.Data);
        process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await api.WaitUntilReadyAsync();
        return api;
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
            if (_process.HasExited) throw new InvalidOperationException($"Hotspot.Api exited with code {_process.ExitCode}:\n{Output}");
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
        throw new TimeoutException($"Hotspot.Api did not answer at {GraphQLUrl} within 60 s:\n{Output}");
    }

    private static int FreePort()
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
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
