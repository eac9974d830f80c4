using Hotspot.Api.Payments;
using Scalar.AspNetCore;

namespace Hotspot.Api.Apis;

/// <summary>The public REST routes: the captive portal's plans, purchases and claims, and the providers' callbacks.</summary>
public static class ApisExtensions
{
    public static WebApplicationBuilder AddBillingApis(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var limits = configuration.GetSection(BillingRateLimits.SectionName).Get<BillingRateLimits>() ?? new BillingRateLimits();
        services.AddRateLimiter(options => BillingRateLimits.Configure(options, limits));
        services.AddOptions<BillingRateLimits>().Bind(configuration.GetSection(BillingRateLimits.SectionName));
        services.AddSingleton<PhonePromptLimiter>();
        services.AddOptions<ClaimRateLimits>().Bind(configuration.GetSection(BillingRateLimits.SectionName));
        services.AddSingleton<ClaimAttemptLimiter>();
        services.AddOpenApi();
        builder.AddKnownProxies();
        return builder;
    }

    public static WebApplication MapBillingApis(this WebApplication app)
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
        return app;
    }
}
