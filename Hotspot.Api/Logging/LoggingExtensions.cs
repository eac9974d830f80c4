using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Hotspot.Api.Logging;

/// <summary>
/// Serilog on the host. The console gets one compact JSON object per event in Production (what log shippers read)
/// and readable text elsewhere; <c>Logs:Format</c> (<c>json</c> or <c>text</c>) overrides that, and a <c>Serilog</c>
/// section (levels, overrides) is read as usual. Other logger providers registered by the application still receive
/// every event, so tests can watch the logs.
/// </summary>
public static class LoggingExtensions
{
    public const string FormatSetting = "Logs:Format";

    public const string TextTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static WebApplicationBuilder AddHotspotLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        var json = WritesJson(builder.Configuration, builder.Environment);
        builder.Services.AddSerilog((services, logs) =>
        {
            logs.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                // An unready database is reported by /readyz and by the failing request itself, not as an Error each probe.
                .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Fatal)
                // HttpClient's own request lines name whole URLs; the simulators' callback URLs carry tokens.
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .Enrich.With<RawPathRemover>();
            // An optional "Serilog" section overrides the above. Reading one scans the loaded assemblies for sinks: start-up
            // time for nothing when there is none.
            if (builder.Configuration.GetSection("Serilog").Exists())
                logs.ReadFrom.Configuration(builder.Configuration);
            if (json)
                logs.WriteTo.Console(new RenderedCompactJsonFormatter());
            else
                logs.WriteTo.Console(outputTemplate: TextTemplate);
        }, writeToProviders: true);
        return builder;
    }

    private static bool WritesJson(IConfiguration configuration, IHostEnvironment environment) =>
        configuration[FormatSetting]?.Trim().ToLowerInvariant() switch
        {
            "json" => true,
            "text" => false,
            _ => environment.IsProduction(),
        };
}
