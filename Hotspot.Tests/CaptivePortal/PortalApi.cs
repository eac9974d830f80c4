using System.Net;
using Hotspot.Api.Development;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.CaptivePortal;

/// <summary>
/// The real API with its sandbox simulators and demo organization, on a temporary SQLite folder. With
/// <c>kestrel: true</c> it listens on a free 127.0.0.1 port, so a browser can load the portal and the simulators
/// reach the API over real HTTP, as they do in Development.
/// </summary>
internal sealed class PortalApi : WebApplicationFactory<Program>
{
    private readonly bool _kestrel;

    public PortalApi(bool kestrel = false)
    {
        _kestrel = kestrel;
        if (kestrel)
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    static PortalApi()
    {
        // Many hosts start and stop in one test run: no file watchers for appsettings (the inotify limit is shared).
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hotspot-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("HOTSPOT_DATA_DIR", DataDirectory);
        builder.UseSetting("Sandbox:Enabled", "true");
        builder.UseSetting("Development:SeedDemo", "true");
        builder.UseSetting("RateLimits:PortalPermitsPerMinute", "100000");
        builder.UseSetting("RateLimits:PromptsPerPhone", "100000"); // the browser tests reuse the simulator's numbers
        // Long enough for the waiting screen to be seen, short enough for a quick test.
        builder.UseSetting("Sandbox:Delays:Result", "00:00:02");
        builder.UseSetting("Payments:ReconcilerInterval", "00:00:01");
    }

    /// <summary>The address the API listens on (Kestrel only).</summary>
    public Uri BaseAddress
    {
        get
        {
            if (!_kestrel)
                throw new InvalidOperationException("Only a Kestrel-hosted PortalApi has a network address.");
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }
    }

    public IDbContextFactory<HotspotDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>();

    public async Task<Guid> DemoOrganizationIdAsync()
    {
        // The seed runs as the host starts; the first request starts it.
        StartServer();
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Organizations.Where(o => o.Name == DemoOrganization.Name).Select(o => o.Id).SingleAsync();
    }

    public async Task<Organization> AddOrganizationAsync(string name, params PlanSettings[] plans)
    {
        StartServer();
        var now = DateTime.UtcNow;
        var organization = Organization.Create(name, "test", now);
        await using var db = await Contexts.CreateDbContextAsync();
        db.Organizations.Add(organization);
        foreach (var plan in plans)
            db.Plans.Add(Plan.Create(organization.Id, plan, now));
        await db.SaveChangesAsync();
        return organization;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (DirectoryNotFoundException) { } catch (IOException) { }
    }
}
