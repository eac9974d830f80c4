using Hotspot.Api.Auth;
using Hotspot.Domain;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>Small helpers every resolver uses: services, a fresh database context, domain errors as coded errors.</summary>
public static class Resolve
{
    public static CurrentUser User(ResolverContext ctx) => ctx.Service<CurrentUser>();

    /// <summary>A context of its own per resolver: sibling fields run concurrently and a DbContext is not thread-safe.</summary>
    public static Task<HotspotDbContext> DatabaseAsync(ResolverContext ctx) =>
        ctx.Service<IDbContextFactory<HotspotDbContext>>().CreateDbContextAsync(ctx.CancellationToken);

    /// <summary>Runs a resolver, reporting domain rule violations with their code (VALIDATION, PAYMENT_METHOD_NOT_CONFIGURED, ...).</summary>
    public static Func<ResolverContext, Task<T>> Guarded<T>(Func<ResolverContext, Task<T>> resolver) => async ctx =>
    {
        try
        {
            return await resolver(ctx);
        }
        catch (DomainException ex)
        {
            throw new GraphQLException(ex.Message, ex.Code);
        }
        catch (DbUpdateException) when (!ctx.CancellationToken.IsCancellationRequested)
        {
            throw new GraphQLException("The change conflicts with existing data; reload and try again.", "CONFLICT");
        }
    };
}
