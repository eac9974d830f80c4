using System.Buffers;
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

    private static readonly HealthReport Alive = new(new Dictionary<string, HealthReportEntry>(), TimeSpan.Zero);

    public static IServiceCollection AddHotspotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<HotspotDbContext>("database", tags: [Ready])
            .AddCheck<MigrationsAppliedHealthCheck>("migrations", tags: [Ready]);
        return services;
    }

    public static WebApplication MapHotspotHealthChecks(this WebApplication app)
    {
        // Liveness runs no check, so it is answered directly, with the health-check middleware's status and no-cache
        // headers: a second health-check pipeline built at start cost a tenth of the main thread's work (its
        // constructor is then invoked through emitted code), and the first /healthz went through the health-check service.
        app.Map("/healthz", new RequestDelegate(WriteAliveAsync));
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAliveAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.Headers.Pragma = "no-cache";
        context.Response.Headers.Expires = "Thu, 01 Jan 1970 00:00:00 GMT";
        return WriteAsync(context, Alive);
    }

    // Status words only: exception texts could name hosts or users. Written by hand: the first /healthz after a start
    // should not wait for the serializer to reflect over an anonymous type.
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                json.WriteString("description", entry.Status == HealthStatus.Healthy ? entry.Description : $"{name} unavailable");
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        await context.Response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted);
    }
}
