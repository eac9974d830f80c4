namespace Hotspot.Api.Health;

public static class HealthExtensions
{
    /// <summary><c>/healthz</c> and <c>/readyz</c> checks, and the observer that reports database outages.</summary>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHotspotHealthChecks();
        builder.Services.AddHostedService<DatabaseFailureObserver>();
        return builder;
    }
}
