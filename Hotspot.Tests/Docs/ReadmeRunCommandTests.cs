using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Hotspot.Tests.Docs;

/// <summary>
/// README's "Run it" block is what a newcomer types first: its <c>dotnet run</c> line is run as written (on the build
/// the tests already made, so no second compile), and its <c>curl</c> line is asked with an HTTP client.
/// </summary>
[Slow(TestCategories.Host)]
public partial class ReadmeRunCommandTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Test]
    [CancelAfter(120_000)]
    public async Task The_run_command_serves_the_url_the_readme_then_asks(CancellationToken cancellationToken)
    {
        var (run, probe) = RunItBlock();
        Assert.That(run, Does.StartWith("dotnet run "), "README's first command");
        var url = CurlUrl().Match(probe) is { Success: true } m ? m.Groups["url"].Value : null;
        Assert.That(url, Is.Not.Null, $"README's second command should be a curl of a URL: {probe}");

        var data = Directory.CreateTempSubdirectory("hotspot-readme-");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in run.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "-c", Configuration, "--no-build" })
            start.ArgumentList.Add(argument);
        start.Environment["HOTSPOT_DATA_DIR"] = data.FullName;
        start.Environment.Remove("ConnectionStrings__Hotspot");
        start.Environment.Remove("ASPNETCORE_URLS");

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var answered = false;
            while (!answered && !process.HasExited && !cancellationToken.IsCancellationRequested)
            {
                try
                {
                    using var response = await http.GetAsync(url, cancellationToken);
                    answered = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250, cancellationToken);
                }
            }
            Assert.That(answered, Is.True, $"{url} did not answer 200; the process said:\n{output}");
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            data.Delete(recursive: true);
        }
    }

    private static (string Run, string Probe) RunItBlock()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var commands = lines.SkipWhile(l => l.Trim() != "## Run it").Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("    ", StringComparison.Ordinal))
            .Select(l => l.Trim()).ToList();
        Assert.That(commands, Has.Count.EqualTo(2), "README's Run it block: a run command and a check");
        return (commands[0], commands[1]);
    }

    [GeneratedRegex(@"^curl\s+(?:-\S+\s+)*(?<url>https?://\S+)$")]
    private static partial Regex CurlUrl();
}
