using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Providers.Http;
using Hotspot.Providers.KopoKopo;
using Hotspot.Providers.KopoKopo.Simulator;
using Hotspot.Providers.Simulation;
using Hotspot.Providers.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotspot.Providers.Extensions;

/// <summary>Registers the payment provider clients, gateways and simulators.</summary>
public static class Extensions
{
    /// <summary>
    /// Typed Daraja and Kopo Kopo clients with their options (<c>Providers:Daraja</c>, <c>Providers:KopoKopo</c>,
    /// <c>Providers:Retry</c>) and the <see cref="IPaymentGateway"/> adapters. The host must register an
    /// <see cref="Hotspot.Domain.Payments.IProviderTokenStore"/> (the storage layer does).
    /// </summary>
    public static IServiceCollection AddPaymentProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DarajaOptions>().Bind(configuration.GetSection(DarajaOptions.SectionName));
        services.AddOptions<KopoKopoOptions>().Bind(configuration.GetSection(KopoKopoOptions.SectionName));
        services.AddOptions<ProviderRetryOptions>().Bind(configuration.GetSection("Providers:Retry"));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderTokenCache>();
        services.TryAddSingleton<DarajaCertificates>();
        services.TryAddTransient<SafeRetryHandler>();

        services.AddHttpClient<DarajaClient>(client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<SafeRetryHandler>();
        services.AddTransient<DarajaPaymentGateway>();
        services.AddTransient<IPaymentGateway>(provider => provider.GetRequiredService<DarajaPaymentGateway>());

        services.AddHttpClient<KopoKopoClient>(client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<SafeRetryHandler>();
        services.AddTransient<KopoKopoPaymentGateway>();
        services.AddTransient<IPaymentGateway>(provider => provider.GetRequiredService<KopoKopoPaymentGateway>());
        return services;
    }

    /// <summary>The offline Daraja; mount it with <c>app.MapDarajaSimulator("/sandbox/daraja")</c>.</summary>
    public static IServiceCollection AddDarajaSimulator(this IServiceCollection services, Action<DarajaSimulatorOptions>? configure = null)
    {
        services.AddOptions<DarajaSimulatorOptions>().Configure(options => configure?.Invoke(options));
        services.TryAddSingleton<DarajaSimulatorState>();
        AddSimulatorCommon(services);
        return services;
    }

    /// <summary>The offline Kopo Kopo; mount it with <c>app.MapKopoKopoSimulator("/sandbox/kopokopo")</c>.</summary>
    public static IServiceCollection AddKopoKopoSimulator(this IServiceCollection services, Action<KopoKopoSimulatorOptions>? configure = null)
    {
        services.AddOptions<KopoKopoSimulatorOptions>().Configure(options => configure?.Invoke(options));
        services.TryAddSingleton<KopoKopoSimulatorState>();
        AddSimulatorCommon(services);
        return services;
    }

    private static void AddSimulatorCommon(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(CallbackPoster.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<CallbackPoster>();
    }
}
