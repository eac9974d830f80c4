using Hotspot.Api.Admin;
using Hotspot.Api.Apis;
using Hotspot.Api.Auth;
using Hotspot.Api.Events;
using Hotspot.Api.Payments;
using Hotspot.GraphQL.Http;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Extensions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.GraphQL;

/// <summary>Registers and maps the admin GraphQL API (<c>/graphql</c>), sign-in and the admin-only REST routes.</summary>
public static class AdminGraphQLExtensions
{
    public static WebApplicationBuilder AddAdminGraphQL(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(new AdminSchemaLoading());
        builder.Services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection("Auth"))
            .Configure(o =>
            {
                o.TokenKey = FirstNonEmpty(configuration["HOTSPOT_AUTH_TOKEN_KEY"], o.TokenKey);
                o.BootstrapAdminEmail = FirstNonEmpty(configuration["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"], o.BootstrapAdminEmail);
                o.BootstrapAdminPassword = FirstNonEmpty(configuration["HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD"], o.BootstrapAdminPassword);
            });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<BearerTokens>();
        builder.Services.AddSingleton<UserAccounts>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddHostedService<BootstrapAdmin>();
        builder.Services.AddSingleton<PaymentAdministration>();
        builder.Services.TryAddSingleton<StoredPaymentVouchers>();
        builder.Services.AddSingleton<PaymentResolutions>();
        builder.Services.AddLiveSubscriptions(configuration);
        // The purchase flow may have registered the providers already.
        if (!builder.Services.Any(d => d.ServiceType == typeof(DarajaPaymentGateway)))
            builder.Services.AddPaymentProviders(configuration);
        return builder;
    }

    public static WebApplication MapAdminGraphQL(this WebApplication app)
    {
        var schema = app.Services.GetRequiredService<AdminSchemaLoading>().Wait();
        // A browser at /graphql gets the dashboard's GraphiQL when the dashboard is built, else the built-in explorer.
        var explorer = app.Services.GetRequiredService<AdminDashboardFiles>().IsBuilt ? AdminDashboardEndpoints.ExplorerPath : null;
        app.UseWebSockets();
        app.MapGraphQL("/graphql", schema, new GraphQLHttpOptions { ExplorerUrl = explorer },
            app.Services.GetRequiredService<IOptions<GraphQLSubscriptionOptions>>().Value);
        app.MapKopoKopoAdminApi();
        return app;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
