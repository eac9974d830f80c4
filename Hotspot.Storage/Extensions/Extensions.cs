using Hotspot.Domain.Payments;
using Hotspot.Storage.Inbox;
using Hotspot.Storage.Leases;
using Hotspot.Storage.Limits;
using Hotspot.Storage.ProviderTokens;
using Hotspot.Storage.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotspot.Storage.Extensions;

public static class Extensions
{
    /// <summary>
    /// Registers the database (SQLite by default, PostgreSQL with <c>ConnectionStrings:Hotspot</c>), the secret
    /// protector, the provider token store, leases, purchase settlement, and migration at start-up.
    /// </summary>
    public static IServiceCollection AddHotspotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection("Storage"))
            .Configure(o =>
            {
                o.DataDirectory = FirstNonEmpty(configuration["HOTSPOT_DATA_DIR"], o.DataDirectory, StorageOptions.DefaultDataDirectory)!;
                o.ConnectionString = FirstNonEmpty(configuration.GetConnectionString("Hotspot"), o.ConnectionString);
            });
        services.AddOptions<EncryptionOptions>()
            .Bind(configuration.GetSection("Encryption"))
            .Configure(o =>
            {
                o.Key = FirstNonEmpty(configuration["HOTSPOT_ENCRYPTION_KEY"], o.Key);
                o.OldKeys = FirstNonEmpty(configuration["HOTSPOT_ENCRYPTION_OLD_KEYS"], o.OldKeys);
            });

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => EncryptionKeyRing.Load(
            sp.GetRequiredService<IOptions<EncryptionOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<EncryptionKeyRing>()));
        services.AddSingleton<SecretProtector>();

        // Pooled: a GraphQL request opens a context per resolver (a dozen for the dashboard), and a new context
        // builds its whole set of EF Core services each time; a pooled one is reset and reused.
        services.AddPooledDbContextFactory<HotspotDbContext>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.Provider == DatabaseProvider.Sqlite)
                Directory.CreateDirectory(options.DataDirectory);
            HotspotDbContextOptions.Configure(builder, options);
            HotspotDbContextOptions.UseProtector(builder, sp.GetRequiredService<SecretProtector>());
        });
        DeferredDbContextFactory.Register(services);
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<HotspotDbContext>>().CreateDbContext());

        services.AddSingleton<IProviderTokenStore, DatabaseProviderTokenStore>();
        services.AddSingleton<DatabaseLease>();
        services.AddSingleton<LimiterCounts>();
        services.AddSingleton<CallbackBatches>();
        services.AddSingleton<DeliveryInbox>();
        services.AddSingleton<MigrationCheck>();
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
