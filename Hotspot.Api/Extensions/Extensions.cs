using System.Text.Json;
using Hotspot.Api.Apis;
using Hotspot.Api.Auth;
using Hotspot.Api.Health;
using Hotspot.Api.GraphQL;
using Hotspot.Api.Logging;
using Hotspot.Api.Portal;
using Hotspot.Api.Radius;
using Hotspot.Storage.Extensions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Events;

namespace Hotspot.Api.Extensions;

public static class Extensions
{
    public const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Logging, storage and health checks. Later features register their services next to these.</summary>
    public static WebApplicationBuilder AddHotspotApi(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(CreateLogger(builder.Configuration), dispose: true);

        builder.Services.AddHotspotStorage(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHostedService<DatabaseFailureObserver>();
        builder.AddAdminGraphQL();
        builder.Services.AddOptions<SignInLimitOptions>().Bind(builder.Configuration.GetSection(SignInLimitOptions.SectionName));
        builder.Services.AddSingleton<AccountSignInLimiter>();
        builder.Services.AddSingleton<AddressSignInLimiter>();
        builder.AddRadius();
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
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        app.MapBillingRest();
        app.MapRadiusApi();
        app.MapPortal();
        return app;
    }

    private static Serilog.ILogger CreateLogger(IConfiguration configuration) =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .ReadFrom.Configuration(configuration) // an optional "Serilog" section overrides the above
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: ConsoleTemplate)
            .CreateLogger();

    // Status only: exception texts could name hosts or users.
    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
