using Hotspot.Domain.Organizations;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Hotspot.Storage.Radius;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// Router mutations besides <c>registerRouter</c>: <c>updateRouter</c> and <c>removeRouter</c>. Only the
/// organization's admins (and platform admins) may call them; a user of another organization learns nothing (NOT_FOUND).
/// </summary>
public static class RouterFields
{
    public static ExecutableSchemaBuilder BindRouterMutations(this ExecutableSchemaBuilder schema) => schema
        .ResolveAsync("Mutation", "updateRouter", Resolve.Guarded(async ctx =>
        {
            var (organization, routerId, actor) = await ChangeRouterAsync(ctx);
            var input = ctx.Argument<UpdateRouterInput>("input");
            return await ctx.Service<RouterRegistry>().UpdateAsync(organization.Id, routerId,
                       input.Name, input.NasIdentifier, input.IpAddress, input.AttributeProfile, actor, ctx.CancellationToken)
                   ?? throw Auth.AccessDenied.NotFound("Router");
        }))
        .ResolveAsync("Mutation", "removeRouter", Resolve.Guarded(async ctx =>
        {
            var (organization, routerId, actor) = await ChangeRouterAsync(ctx);
            var removed = await ctx.Service<RouterRegistry>().RemoveAsync(organization.Id, routerId, actor, ctx.CancellationToken)
                          ?? throw Auth.AccessDenied.NotFound("Router");
            return new RemoveRouterPayload(true, removed.Id, organization);
        }))
        .PropertyBacked<RemoveRouterPayload>("RemoveRouterPayload");

    /// <summary>Checks the caller may change the organization before the router id is even looked at.</summary>
    private static async Task<(Organization Organization, Guid RouterId, string Actor)> ChangeRouterAsync(ResolverContext ctx)
    {
        var organizationId = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
        var user = await Resolve.User(ctx).RequireChangeAsync(organizationId, ctx.CancellationToken);
        var routerId = GraphQLErrors.ParseId(ctx.Argument<string>("routerId"), "Router");
        await using var db = await Resolve.DatabaseAsync(ctx);
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ctx.CancellationToken)
                           ?? throw Auth.AccessDenied.NotFound("Organization");
        return (organization, routerId, user.Email);
    }
}
