using System.Text.Json;
using Hotspot.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotspot.Api.Health;

/// <summary>
/// <c>/healthz</c> is liveness: the process answers (restarting it would not mend a database outage).
/// <c>/readyz</c> is readiness: the database answers and every migration is applied; a balancer sends traffic only then.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddHotspotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<HotspotDbContext>("database", tags: [Ready])
            .AddCheck<MigrationsAppliedHealthCheck>("migrations", tags: [Ready]);
        return services;
    }

    public static WebApplication MapHotspotHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    // Status words only: exception texts could name hosts or users.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Status == HealthStatus.Healthy ? e.Value.Description : $"{e.Key} unavailable",
            }),
        }));
    }
}
