using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Storage.Radius;

public static class RadiusStorageExtensions
{
    /// <summary>Router registry, authorization, accounting and usage queries; timers from the <c>Radius</c> section.</summary>
    public static IServiceCollection AddRadiusStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var policy = new RadiusPolicy();
        configuration.GetSection("Radius").Bind(policy);
        services.AddSingleton(policy);
        services.AddSingleton<RouterRegistry>();
        services.AddSingleton<RadiusAuthorization>();
        services.AddSingleton<RadiusAccounting>();
        services.AddSingleton<VoucherUsageQuery>();
        return services;
    }
}
