using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Providers.Daraja.Wire;
using Hotspot.Providers.Http;
using Hotspot.Providers.KopoKopo;
using Hotspot.Providers.KopoKopo.Simulator;
using Hotspot.Providers.KopoKopo.Wire;
using Hotspot.Providers.Simulation;
using Hotspot.Providers.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Refit;

namespace Hotspot.Providers.Extensions;

/// <summary>Registers the payment provider clients, gateways and simulators.</summary>
public static class Extensions
{
    /// <summary>The HttpClientFactory name of the Daraja Refit client, for adding handlers to it.</summary>
    public const string DarajaHttpClientName = "Hotspot.Daraja";

    /// <summary>The HttpClientFactory name of the Kopo Kopo Refit client.</summary>
    public const string KopoKopoHttpClientName = "Hotspot.KopoKopo";

    /// <summary>
    /// Daraja and Kopo Kopo clients (Refit interfaces behind the facades) with their options (<c>Providers:Daraja</c>,
    /// <c>Providers:KopoKopo</c>, <c>Providers:Retry</c>) and the <see cref="IPaymentGateway"/> adapters. The host must register an
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
        services.TryAddTransient<ProviderBaseAddressHandler>();
        services.TryAddTransient<SafeRetryHandler>();

        // Source-generated Refit clients (AddRefitGeneratedClient): Refit 16's AddRefitClient builds requests by
        // reflection and needs the Refit.Reflection package. JSON runs on each provider's generated context and
        // its own options (ForContext), so bodies are byte for byte what the context writes; bodies are buffered
        // to carry a Content-Length.
        services.AddRefitGeneratedClient<IDarajaApi>(
                _ => new RefitSettings(SystemTextJsonContentSerializer.ForContext(DarajaJsonContext.Default)) { Buffered = true },
                DarajaHttpClientName)
            .ConfigureHttpClient(ConfigureProviderClient)
            .AddHttpMessageHandler<ProviderBaseAddressHandler>()
            .AddHttpMessageHandler<SafeRetryHandler>();
        services.AddTransient<DarajaClient>();
        services.AddTransient<DarajaPaymentGateway>();
        services.AddTransient<IPaymentGateway>(provider => provider.GetRequiredService<DarajaPaymentGateway>());

        services.AddRefitGeneratedClient<IKopoKopoApi>(
                _ => new RefitSettings(SystemTextJsonContentSerializer.ForContext(KopoKopoJsonContext.Default)) { Buffered = true },
                KopoKopoHttpClientName)
            .ConfigureHttpClient(ConfigureProviderClient)
            .AddHttpMessageHandler<ProviderBaseAddressHandler>()
            .AddHttpMessageHandler<SafeRetryHandler>();
        services.AddTransient<KopoKopoClient>();
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

    private static void ConfigureProviderClient(HttpClient client)
    {
        // Each call carries its own base address (ProviderBaseAddressHandler). One timeout for all attempts of a
        // call, long enough for a slow STK push to be answered rather than become an unknown outcome.
        client.BaseAddress = ProviderBaseAddressHandler.Unresolved;
        client.Timeout = TimeSpan.FromSeconds(30);
    }

    private static void AddSimulatorCommon(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(CallbackPoster.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<CallbackPoster>();
    }
}
