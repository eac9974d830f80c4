using System.Net;
using Hotspot.Api.Admin;
using Hotspot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Dashboard;

/// <summary>
/// The real API on a free 127.0.0.1 port with its sandbox simulators, an empty SQLite database and a bootstrap
/// platform admin, serving the dashboard built by Hotspot.Api's build (copied into the test's output as admin/).
/// </summary>
internal sealed class DashboardApi : WebApplicationFactory<Program>
{
    public const string AdminEmail = "owner@dashboard.test";
    public const string AdminPassword = "dashboard-test-password-1";

    static DashboardApi()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    public DashboardApi() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hotspot-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("HOTSPOT_DATA_DIR", DataDirectory);
        builder.UseSetting("HOTSPOT_BOOTSTRAP_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Sandbox:Enabled", "true");
        builder.UseSetting("Development:SeedDemo", "false");
        builder.UseSetting("RateLimits:PortalPermitsPerMinute", "100000");
        builder.UseSetting("RateLimits:PromptsPerPhone", "100000");
        builder.UseSetting("Sandbox:Delays:Result", "00:00:01");
        builder.UseSetting("Payments:ReconcilerInterval", "00:00:01");
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    public IDbContextFactory<HotspotDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>();

    /// <summary>Ignores the test (fails it under CI) when the build had no Node.js and left the dashboard out.</summary>
    public void RequireBuiltDashboard()
    {
        StartServer();
        var files = Services.GetRequiredService<AdminDashboardFiles>();
        if (files.IsBuilt)
            return;
        var message = $"The dashboard is not built ({files.Root} has no index.html): install Node.js 20.19+ and build Hotspot.Api.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Ignore(message);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (DirectoryNotFoundException) { } catch (IOException) { }
    }
}
