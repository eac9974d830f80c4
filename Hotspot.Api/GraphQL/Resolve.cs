using Hotspot.Api.Auth;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>Helpers for code that holds a <see cref="ResolverContext"/> (data loaders, hand-written queries).</summary>
public static class Resolve
{
    public static CurrentUser User(ResolverContext ctx) => ctx.Service<CurrentUser>();

    /// <summary>A context of its own per resolver: sibling fields run concurrently and a DbContext is not thread-safe.</summary>
    public static Task<HotspotDbContext> DatabaseAsync(ResolverContext ctx) =>
        ctx.Service<IDbContextFactory<HotspotDbContext>>().CreateDbContextAsync(ctx.CancellationToken);
}
