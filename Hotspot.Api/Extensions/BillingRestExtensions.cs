using Hotspot.Api.Apis;
using Hotspot.Api.Development;
using Hotspot.Api.Payments;
using Hotspot.Api.Sandbox;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Extensions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

namespace Hotspot.Api.Extensions;

/// <summary>The REST half of billing: captive-portal purchases, provider callbacks, reconciliation, sandbox.</summary>
public static class BillingRestExtensions
{
    public static WebApplicationBuilder AddBillingRest(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (!services.Any(d => d.ServiceType == typeof(DarajaPaymentGateway)))
            services.AddPaymentProviders(configuration);

        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.SectionName));
        services.AddTransient<GatewaySelector>();
        services.AddTransient<CallbackUrls>();
        services.AddTransient<PurchaseOutcomes>();
        services.AddTransient<LostStkAnswerMatcher>();
        services.AddTransient<ReceiptLinks>();
        services.AddSingleton<CallbackTokenCache>();
        services.AddSingleton(DarajaCallbackSources.From(configuration, builder.Environment));
        services.AddTransient<DarajaCallbacks>();
        services.AddTransient<KopoKopoCallbacks>();
        services.AddTransient<StoredCallbackReplay>();
        services.AddTransient<PurchaseStarter>();
        services.AddHostedService<PaymentReconciler>();

        var limits = configuration.GetSection(BillingRateLimits.SectionName).Get<BillingRateLimits>() ?? new BillingRateLimits();
        services.AddRateLimiter(options => BillingRateLimits.Configure(options, limits));
        services.AddOptions<BillingRateLimits>().Bind(configuration.GetSection(BillingRateLimits.SectionName));
        services.AddSingleton<PhonePromptLimiter>();
        services.AddOptions<ClaimRateLimits>().Bind(configuration.GetSection(BillingRateLimits.SectionName));
        services.AddSingleton<ClaimAttemptLimiter>();
        services.TryAddSingleton<StoredPaymentVouchers>();
        services.AddSingleton<PaymentClaims>();
        services.AddOpenApi();
        builder.AddKnownProxies();

        if (SandboxSimulators.IsEnabled(configuration, builder.Environment))
            SandboxSimulators.Add(builder);
        if (configuration.GetValue<bool?>("Development:SeedDemo") ?? builder.Environment.IsDevelopment())
            services.AddHostedService<DemoOrganization>();
        return builder;
    }

    public static WebApplication MapBillingRest(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapOpenApi();
        // An interactive reference of the REST routes for developers (Scalar serves its own assets: no CDN).
        if (app.Environment.IsDevelopment())
            app.MapScalarApiReference();
        app.MapPlansApi();
        app.MapPurchaseApi();
        app.MapClaimApi();
        app.MapDarajaCallbackApi();
        app.MapKopoKopoCallbackApi();
        if (SandboxSimulators.IsEnabled(app.Configuration, app.Environment))
            SandboxSimulators.Map(app);
        return app;
    }
}
