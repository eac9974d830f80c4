using Hotspot.Api.Development;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// The real API with its sandbox simulators mounted, on a <see cref="BillingDatabase"/>. The providers' clients and
/// the simulators' callback poster reach the in-process server through the test server's handler, so a purchase
/// runs the whole way: portal route, STK push to the simulator, callback to our route, settlement.
/// Delays are shortened so tests are fast.
/// </summary>
/// <param name="darajaState">The Daraja simulator's memory from an earlier host: the provider outlives our restart.</param>
/// <param name="configureServices">More service configuration, applied last (e.g. a handler in a provider client's pipeline).</param>
public sealed class BillingApi(BillingDatabase database, IReadOnlyDictionary<string, string?>? overrides = null,
    DarajaSimulatorState? darajaState = null, Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    public const string BaseUrl = "http://localhost";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:BaseUrl"] = BaseUrl,
            ["Payments:CallbackBaseUrl"] = BaseUrl,
            ["Development:SeedDemo"] = "true",
            ["Sandbox:Delays:Result"] = "00:00:00.050",
            ["Sandbox:Delays:LateCallback"] = "00:00:01.500",
            ["Sandbox:Delays:DuplicateGap"] = "00:00:00.050",
            ["Payments:ReconcileAfter"] = "00:00:01",
            ["Payments:RecheckEvery"] = "00:00:00.300",
            ["Payments:ReconcilerInterval"] = "00:00:00.200",
            ["RateLimits:PortalPermitsPerMinute"] = "100000",
            // Tests poll every 100 ms and reuse the simulator's phone numbers; RateLimitTests set the real limits.
            ["RateLimits:PurchasesPerAddressPerMinute"] = "100000",
            ["RateLimits:PromptsPerPhone"] = "100000",
            ["RateLimits:PollsPerPurchasePerMinute"] = "100000",
            ["RateLimits:PollsPerAddressPerMinute"] = "1000000",
        };
        foreach (var (key, value) in database.Settings())
            settings[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);

        builder.ConfigureServices(services =>
        {
            services.ConfigureAll<HttpClientFactoryOptions>(options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = new TestServerHandler(this)));
            if (darajaState is not null)
                services.AddSingleton(darajaState);
        });
        if (configureServices is not null)
            builder.ConfigureServices(configureServices);
    }

    static BillingApi()
    {
        // Many hosts start and stop in one test run: no file watchers for appsettings (the inotify limit is shared).
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    /// <summary>Sends through the test server, found when the first request goes out (clients are built during start-up).</summary>
    private sealed class TestServerHandler(BillingApi api) : HttpMessageHandler
    {
        private HttpMessageInvoker? _server;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _server ??= new HttpMessageInvoker(api.Server.CreateHandler());
            return _server.SendAsync(request, cancellationToken);
        }
    }

    public DarajaSimulatorState DarajaState => Services.GetRequiredService<DarajaSimulatorState>();

    public IDbContextFactory<HotspotDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>();

    public async Task<Organization> DemoOrganizationAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Organizations.AsNoTracking().SingleAsync(o => o.Name == DemoOrganization.Name);
    }

    public async Task<Plan> DemoPlanAsync(long priceKes = 10)
    {
        var organization = await DemoOrganizationAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Plans.AsNoTracking().FirstAsync(p => p.OrganizationId == organization.Id && p.PriceKes == priceKes);
    }
}
