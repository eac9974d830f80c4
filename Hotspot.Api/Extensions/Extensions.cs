using Hotspot.Api.Admin;
using Hotspot.Api.Apis;
using Hotspot.Api.Auth;
using Hotspot.Api.Development;
using Hotspot.Api.GraphQL;
using Hotspot.Api.Health;
using Hotspot.Api.Logging;
using Hotspot.Api.Observability;
using Hotspot.Api.Payments;
using Hotspot.Api.Portal;
using Hotspot.Api.Radius;
using Hotspot.Api.Sandbox;
using Hotspot.Storage;
using Hotspot.Storage.Extensions;

namespace Hotspot.Api.Extensions;

/// <summary>
/// The composition root: each feature folder owns an <c>Add…</c> (services) and a <c>Map…</c> (routes); this lists
/// them, one line each. A new feature adds its line to both lists.
/// </summary>
public static class Extensions
{
    public static WebApplicationBuilder AddHotspotApi(this WebApplicationBuilder builder)
    {
        builder.AddHotspotLogging();
        builder.AddHotspotObservability();
        builder.Services.AddHotspotStorage(builder.Configuration);
        builder.Services.AddHttpContextAccessor();
        builder.AddHealth();
        builder.AddAdminGraphQL();
        builder.AddSignInLimits();
        builder.AddRadius();
        builder.AddPayments();
        builder.AddBillingApis();
        builder.AddSandbox();
        builder.AddDemoOrganization();
        builder.AddAdminDashboard();
        return builder;
    }

    /// <summary>
    /// The client address from known proxies first, then request logging, so every later log line carries the request
    /// id; then the routes.
    /// </summary>
    public static WebApplication MapHotspotApi(this WebApplication app)
    {
        // The migrator's question to the database is asked on another core while the routes are mapped; the migrator,
        // which holds up listening, then finds the answer ready. The hosted services (singletons) are built likewise
        // (their typed HTTP clients and EF Core options, now both deferred to first use, were a fifth of the
        // start-up's serial work). The host then starts these same instances. A constructor that throws is left for
        // the host to meet again, stop the start and log, as before.
        _ = Task.Run(() => app.Services.GetRequiredService<MigrationCheck>().Start());
        var hostedServices = Task.Run(() =>
        {
            try
            {
                _ = app.Services.GetServices<IHostedService>().ToList();
            }
            catch (Exception)
            {
                // Not cached by the container: the host's own resolution throws it again.
            }
        });

        app.UseKnownProxies();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        app.UseMiddleware<RadiusMetricsMiddleware>();

        app.MapHotspotHealthChecks();
        app.MapHotspotMetrics();
        app.MapBillingApis();
        app.MapSandbox();
        app.MapRadiusApi();
        app.MapPortal();
        app.MapAdminGraphQL();
        app.MapAdminDashboard();
        hostedServices.Wait();
        return app;
    }
}
