using Hotspot.Domain.Users;
using Hotspot.GraphQL.Binding;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>The fields of <c>Query</c>.</summary>
public static class QueryFields
{
    public static ExecutableSchemaBuilder BindQuery(this ExecutableSchemaBuilder schema) => schema
        .ResolveAsync("Query", "me", ctx => Resolve.User(ctx).GetAsync(ctx.CancellationToken))
        .ResolveAsync("Query", "organization", async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("id"), "Organization");
            await Resolve.User(ctx).RequireReadAsync(id, ctx.CancellationToken);
            return await DataLoaders.Organizations(ctx).LoadAsync(id)
                ?? throw Auth.AccessDenied.NotFound("Organization");
        })
        .ResolveAsync("Query", "organizations", async ctx =>
        {
            var user = await Resolve.User(ctx).RequireAsync(ctx.CancellationToken);
            await using var db = await Resolve.DatabaseAsync(ctx);
            var query = db.Organizations.AsNoTracking();
            if (user.Role != UserRole.PlatformAdmin) query = query.Where(o => o.Id == user.OrganizationId);
            return await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Take(1000).ToListAsync(ctx.CancellationToken);
        });
}
