using Hotspot.GraphQL.Http;
using Hotspot.Storage;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Events;

/// <summary>
/// Registers what GraphQL subscriptions need: the <see cref="ChangeEventBus"/>, the database's feed of committed
/// changes into it (LISTEN on PostgreSQL, the change table on SQLite), and the transports' limits from the
/// <c>Subscriptions</c> configuration section (<see cref="GraphQLSubscriptionOptions"/>).
/// </summary>
public static class LiveSubscriptionsExtensions
{
    public const string Section = "Subscriptions";

    public static IServiceCollection AddLiveSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ChangeEventBus>();
        services.AddSingleton<PostgresChangeListener>();
        services.AddSingleton<SqliteChangeReader>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == DatabaseProvider.PostgreSql
            ? sp.GetRequiredService<PostgresChangeListener>()
            : sp.GetRequiredService<SqliteChangeReader>());
        services.AddOptions<GraphQLSubscriptionOptions>()
            .Bind(configuration.GetSection(Section))
            .Configure(o => o.Authenticate = SubscriberCredentials.AuthenticateAsync);
        return services;
    }
}
