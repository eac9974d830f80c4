using Hotspot.Storage.Radius;

namespace Hotspot.Api.Radius;

public static class RadiusExtensions
{
    /// <summary>The RADIUS routes' options, storage services and the stale-session janitor.</summary>
    public static WebApplicationBuilder AddRadius(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RadiusOptions>().Bind(builder.Configuration.GetSection("Radius"));
        builder.Services.AddRadiusStorage(builder.Configuration);
        builder.Services.AddSingleton<WrongCodeLimiter>();
        builder.Services.AddHostedService<StaleSessionJanitor>();
        return builder;
    }
}
