using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Hotspot.Tests.GraphQL.Conformance;
using Npgsql;

namespace Hotspot.Tests.Api.Scale;

/// <summary>
/// Debian's PgBouncer in front of one PostgreSQL database, in transaction pooling mode with a small server pool, so
/// consecutive transactions of one client connection land on different server connections. Killed on dispose.
/// </summary>
public sealed class PgBouncerProcess : IAsyncDisposable
{
    public const string DatabaseAlias = "hotspot";

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();

    private PgBouncerProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Log { get { lock (_log) return _log.ToString(); } }

    public static string? Executable() =>
        new[] { "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer" }.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "pgbouncer")).FirstOrDefault(File.Exists);

    public static void RequireInstalled()
    {
        if (Executable() is not null)
            return;
        const string message = "PgBouncer tests need Debian's pgbouncer (apt-get install pgbouncer; .ci/run installs it).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Ignore(message);
    }

    /// <summary>Starts PgBouncer for the database in <paramref name="serverConnectionString"/>, reachable as <see cref="DatabaseAlias"/>.</summary>
    public static async Task<PgBouncerProcess> StartAsync(string serverConnectionString, int serverPoolSize = 4)
    {
        RequireInstalled();
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        var directory = Path.Combine(Path.GetTempPath(), "hotspot-pgbouncer", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = GraphQLServerProcess.FreePort();
        var root = Environment.UserName == "root";
        var ini = $"""
            [databases]
            {DatabaseAlias} = host={server.Host} port={server.Port} dbname={server.Database} user={server.Username} password={server.Password}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = any
            pool_mode = transaction
            default_pool_size = {serverPoolSize}
            max_client_conn = 500
            ignore_startup_parameters = extra_float_digits
            logfile =
            pidfile =
            {(root ? "user = postgres" : "")}
            """;
        var iniPath = Path.Combine(directory, "pgbouncer.ini");
        await File.WriteAllTextAsync(iniPath, ini);
        if (root && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                            UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var start = new ProcessStartInfo(Executable()!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(iniPath);
        var process = Process.Start(start) ?? throw new InvalidOperationException("pgbouncer could not be started.");
        var bouncer = new PgBouncerProcess(process, directory, port);
        process.OutputDataReceived += (_, e) => bouncer.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bouncer.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bouncer.WaitUntilListeningAsync();
        return bouncer;
    }

    /// <summary>A client connection string through PgBouncer.</summary>
    public NpgsqlConnectionStringBuilder ConnectionString() =>
        new() { Host = "127.0.0.1", Port = Port, Database = DatabaseAlias, Username = "hotspot", Password = "unused" };

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"pgbouncer exited with code {_process.ExitCode}:\n{Log}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"pgbouncer did not listen on {Port}:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
