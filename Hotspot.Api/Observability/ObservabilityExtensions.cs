using Microsoft.Extensions.Http;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prometheus;

namespace Hotspot.Api.Observability;

/// <summary>
/// Metrics an operator can scrape, and traces and metrics an OpenTelemetry collector can receive.
/// <list type="bullet">
/// <item><c>/metrics</c> (Prometheus text) is served only on the management address <c>Management:Url</c> (for
/// example <c>http://0.0.0.0:9464</c>), a listener of its own, so the public port never exposes it; without the
/// setting there is no <c>/metrics</c>.</item>
/// <item>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the same meters plus ASP.NET Core, HttpClient and runtime
/// instrumentation, and request traces, are exported over OTLP; without it OpenTelemetry is not loaded at all.</item>
/// </list>
/// </summary>
public static class ObservabilityExtensions
{
    public const string ManagementUrlSetting = "Management:Url";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddHotspotObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<HotspotMetrics>();
        builder.Services.AddTransient<ProviderRequestMetricsHandler>();
        builder.Services.ConfigureAll<HttpClientFactoryOptions>(options => options.HttpMessageHandlerBuilderActions.Add(handlers =>
            handlers.AdditionalHandlers.Insert(0, handlers.Services.GetRequiredService<ProviderRequestMetricsHandler>())));
        // The scrape shows our meters and the runtime's, not every framework instrument (each one costs per request).
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate =
            instrument => instrument.Meter.Name is HotspotMetrics.MeterName or "System.Runtime");

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("hotspot-api"))
                .WithMetrics(metrics => metrics.AddMeter(HotspotMetrics.MeterName)
                    .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddOtlpExporter())
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter());
        }

        if (ManagementPort(builder.Configuration) is not null)
            builder.WebHost.UseUrls([.. PublicUrls(builder.Configuration), builder.Configuration[ManagementUrlSetting]!]);
        return builder;
    }

    /// <summary><c>/metrics</c>, answering only on the management listener (checked by the local port, not the Host header).</summary>
    public static WebApplication MapHotspotMetrics(this WebApplication app)
    {
        if (ManagementPort(app.Configuration) is null)
            return app;
        app.MapGet("/metrics", MetricsAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task MetricsAsync(HttpContext context, IConfiguration configuration)
    {
        if (context.Connection.LocalPort != ManagementPort(configuration))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
    }

    private static int? ManagementPort(IConfiguration configuration) =>
        configuration[ManagementUrlSetting] is { Length: > 0 } url && Uri.TryCreate(url.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0"), UriKind.Absolute, out var uri)
            ? uri.Port
            : null;

    // Naming the management listener replaces the addresses the host would have used: keep those first.
    private static string[] PublicUrls(IConfiguration configuration)
    {
        if (configuration["urls"] is { Length: > 0 } urls)
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (configuration["http_ports"] is { Length: > 0 } ports)
            return ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}").ToArray();
        return ["http://localhost:5000"];
    }
}
