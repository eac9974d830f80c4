using Hotspot.Api.Auth;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Radius;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;
using Hotspot.Storage.Radius;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// Registering, changing and removing routers (RADIUS NAS). Only the organization's admins (and platform admins) may;
/// a user of another organization learns nothing (NOT_FOUND).
/// </summary>
[ExtendObjectType("Mutation")]
[DomainErrors]
public static class RouterMutations
{
    public static async Task<Router> RegisterRouterAsync(string organizationId, RegisterRouterInput input, CurrentUser currentUser,
        HotspotDbContext db, RouterRegistry routers, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(organizationId, "Organization");
        await currentUser.RequireChangeAsync(id, cancellationToken);
        if (!await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken)) throw AccessDenied.NotFound("Organization");
        return await routers.RegisterAsync(id, input.Name, input.NasIdentifier, input.IpAddress, input.AttributeProfile, cancellationToken);
    }

    public static async Task<Router> UpdateRouterAsync(string organizationId, string routerId, UpdateRouterInput input,
        CurrentUser currentUser, HotspotDbContext db, RouterRegistry routers, CancellationToken cancellationToken)
    {
        var (organization, router, actor) = await ChangeRouterAsync(organizationId, routerId, currentUser, db, cancellationToken);
        return await routers.UpdateAsync(organization.Id, router, input.Name, input.NasIdentifier, input.IpAddress,
                   input.AttributeProfile, actor, cancellationToken)
               ?? throw AccessDenied.NotFound("Router");
    }

    public static async Task<RemoveRouterPayload> RemoveRouterAsync(string organizationId, string routerId, CurrentUser currentUser,
        HotspotDbContext db, RouterRegistry routers, CancellationToken cancellationToken)
    {
        var (organization, router, actor) = await ChangeRouterAsync(organizationId, routerId, currentUser, db, cancellationToken);
        var removed = await routers.RemoveAsync(organization.Id, router, actor, cancellationToken) ?? throw AccessDenied.NotFound("Router");
        return new RemoveRouterPayload(true, removed.Id, organization);
    }

    /// <summary>Checks the caller may change the organization before the router id is even looked at.</summary>
    private static async Task<(Organization Organization, Guid RouterId, string Actor)> ChangeRouterAsync(string organizationId,
        string routerId, CurrentUser currentUser, HotspotDbContext db, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(organizationId, "Organization");
        var user = await currentUser.RequireChangeAsync(id, cancellationToken);
        var router = GraphQLErrors.ParseId(routerId, "Router");
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
                           ?? throw AccessDenied.NotFound("Organization");
        return (organization, router, user.Email);
    }
}
