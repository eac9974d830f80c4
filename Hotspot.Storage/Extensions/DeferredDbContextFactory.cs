using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Storage.Extensions;

/// <summary>
/// The pooled context factory, created when the first context is asked for rather than when a service that holds the
/// factory is built. Creating it builds EF Core's options (its event ids, warnings configuration, the provider's
/// settings): the largest part of building the API's hosted services, which its main thread waits for before
/// listening, although none of them asks for a context before the API listens when the database is up to date.
/// </summary>
internal sealed class DeferredDbContextFactory(Func<IDbContextFactory<HotspotDbContext>> create) : IDbContextFactory<HotspotDbContext>
{
    private readonly Lazy<IDbContextFactory<HotspotDbContext>> _pooled = new(create);

    public HotspotDbContext CreateDbContext() => _pooled.Value.CreateDbContext();

    public Task<HotspotDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        _pooled.Value.CreateDbContextAsync(cancellationToken);

    /// <summary>Puts this in front of the pooled factory just registered.</summary>
    public static void Register(IServiceCollection services)
    {
        var pooled = services.Single(d => d.ServiceType == typeof(IDbContextFactory<HotspotDbContext>));
        if (pooled.ImplementationFactory is not { } createPooled)
            throw new InvalidOperationException("The pooled context factory is expected to be registered with a factory method.");
        services.Remove(pooled);
        services.AddSingleton<IDbContextFactory<HotspotDbContext>>(sp =>
            new DeferredDbContextFactory(() => (IDbContextFactory<HotspotDbContext>)createPooled(sp)));
    }
}
