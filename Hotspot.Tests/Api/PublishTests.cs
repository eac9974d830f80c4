using System.Diagnostics;
using Hotspot.Api.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Hotspot.Tests.Api;

/// <summary>
/// No Docker engine runs here, so the Dockerfile's build step is proven by running the same
/// <c>dotnet publish</c>, and the Dockerfile is checked for what it must keep.
/// </summary>
[Slow(TestCategories.Publish)]
public class PublishTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task The_api_publishes_in_release_as_the_dockerfile_does(CancellationToken cancellationToken)
    {
        var output = Path.Combine(Path.GetTempPath(), "hotspot-publish", Guid.NewGuid().ToString("N"));
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepositoryRoot.Path,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                // No lingering build servers after the test.
                ArgumentList = { "publish", "Hotspot.Api/Hotspot.Api.csproj", "-c", "Release", "-o", output, "-nologo", "-v", "q", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);

            Assert.That(process.ExitCode, Is.Zero, await stdout + await stderr);
            Assert.That(File.Exists(Path.Combine(output, "Hotspot.Api.dll")), Is.True);
            Assert.That(File.Exists(Path.Combine(output, "Hotspot.Api.runtimeconfig.json")), Is.True);
            await Hotspot.Tests.Dashboard.PublishedDashboard.AssertServedWithoutNodeAsync(output, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public void The_dockerfile_builds_multi_stage_and_runs_non_root_with_a_health_check_and_a_data_volume()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Dockerfile"));
        Assert.Multiple(() =>
        {
            Assert.That(dockerfile, Does.Contain("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build"));
            Assert.That(dockerfile, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"));
            Assert.That(dockerfile, Does.Contain("dotnet publish Hotspot.Api/Hotspot.Api.csproj -c Release"));
            Assert.That(dockerfile, Does.Contain("USER $APP_UID"));
            Assert.That(dockerfile, Does.Contain("VOLUME [\"/data\"]"));
            Assert.That(dockerfile, Does.Contain("HOTSPOT_DATA_DIR=/data"));
            Assert.That(dockerfile, Does.Contain($"HEALTHCHECK").And.Contain(HealthProbe.Flag));
        });
        foreach (var line in dockerfile.Split('\n').Where(l => l.StartsWith("COPY ") && l.Contains(".csproj")))
        {
            var project = line.Split(' ')[1];
            Assert.That(File.Exists(Path.Combine(RepositoryRoot.Path, project)), Is.True, $"Dockerfile copies {project}, which does not exist");
        }
    }

    [Test]
    public async Task The_health_probe_exits_zero_only_when_healthz_answers_200()
    {
        // A real listener (the probe speaks HTTP over a socket, which the test server does not offer).
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        var healthy = true;
        server.MapGet("/healthz", () => healthy ? Results.Ok() : Results.StatusCode(503));
        await server.StartAsync();
        var url = server.Urls.Single() + "/healthz";

        Assert.That(await HealthProbe.RunAsync([HealthProbe.Flag, url]), Is.Zero);
        healthy = false;
        Assert.That(await HealthProbe.RunAsync([HealthProbe.Flag, url]), Is.EqualTo(1));
        Assert.That(await HealthProbe.RunAsync([HealthProbe.Flag, "http://127.0.0.1:1/healthz"]), Is.EqualTo(1), "nothing listens");
        Assert.That(await HealthProbe.RunAsync([HealthProbe.Flag, "not a url"]), Is.EqualTo(1));
        await server.StopAsync();
    }
}
