using Hotspot.Api.Admin;
using Hotspot.Api.Apis;
using Hotspot.Api.Auth;
using Hotspot.Api.Health;
using Hotspot.Api.GraphQL;
using Hotspot.Api.Logging;
using Hotspot.Api.Observability;
using Hotspot.Api.Portal;
using Hotspot.Api.Radius;
using Hotspot.Storage.Extensions;

namespace Hotspot.Api.Extensions;

public static class Extensions
{
    /// <summary>Logging, storage and health checks. Later features register their services next to these.</summary>
    public static WebApplicationBuilder AddHotspotApi(this WebApplicationBuilder builder)
    {
        builder.AddHotspotLogging();
        builder.AddHotspotObservability();

        builder.Services.AddHotspotStorage(builder.Configuration);
        builder.Services.AddHotspotHealthChecks();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHostedService<DatabaseFailureObserver>();
        builder.AddAdminGraphQL();
        builder.Services.AddOptions<SignInLimitOptions>().Bind(builder.Configuration.GetSection(SignInLimitOptions.SectionName));
        builder.Services.AddSingleton<AccountSignInLimiter>();
        builder.Services.AddSingleton<AddressSignInLimiter>();
        builder.AddRadius();
        builder.AddAdminDashboard();
        return builder;
    }

    /// <summary>
    /// The client address from known proxies first, then request logging, so every later log line carries the request
    /// id; then the routes.
    /// </summary>
    public static WebApplication UseHotspotApi(this WebApplication app)
    {
        app.UseKnownProxies();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        app.UseMiddleware<RadiusMetricsMiddleware>();
        app.MapHotspotHealthChecks();
        app.MapHotspotMetrics();
        app.MapBillingRest();
        app.MapRadiusApi();
        app.MapPortal();
        app.MapAdminDashboard();
        return app;
    }
}
