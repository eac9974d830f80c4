using Hotspot.Providers.Daraja;
using Hotspot.Providers.Extensions;
using Hotspot.Storage.Payments;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotspot.Api.Payments;

/// <summary>Payments: the provider gateways, starting purchases, receiving callbacks, claims and the reconciler.</summary>
public static class PaymentsExtensions
{
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // The admin GraphQL API may have registered the providers already.
        if (!services.Any(d => d.ServiceType == typeof(DarajaPaymentGateway)))
            services.AddPaymentProviders(configuration);

        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.SectionName));
        services.AddTransient<GatewaySelector>();
        // For the reconciler: the gateways' typed HTTP clients (handlers, retry pipelines) are built when it first
        // queries a provider, not on every start.
        services.AddSingleton(sp => new Lazy<GatewaySelector>(sp.GetRequiredService<GatewaySelector>));
        services.AddTransient<CallbackUrls>();
        services.AddPaymentStorage();
        services.AddSingleton<CallbackTokenCache>();
        services.AddSingleton(DarajaCallbackSources.From(configuration, builder.Environment));
        services.AddTransient<DarajaCallbacks>();
        services.AddTransient<KopoKopoCallbacks>();
        services.AddTransient<StoredCallbackReplay>();
        services.AddTransient<PurchaseStarter>();
        services.AddHostedService<PaymentReconciler>();
        services.TryAddSingleton<StoredPaymentVouchers>();
        services.AddSingleton<PaymentClaims>();
        return builder;
    }
}
