using Hotspot.Api.Auth;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Users;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>The fields of <c>Query</c>.</summary>
[ObjectType("Query")]
public static class QueryResolvers
{
    public static Task<User?> MeAsync(CurrentUser user, CancellationToken cancellationToken) => user.GetAsync(cancellationToken);

    public static async Task<Organization> OrganizationAsync(string id, CurrentUser user, ResolverContext context)
    {
        var organizationId = GraphQLErrors.ParseId(id, "Organization");
        await user.RequireReadAsync(organizationId, context.CancellationToken);
        return await DataLoaders.Organizations(context).LoadAsync(organizationId) ?? throw AccessDenied.NotFound("Organization");
    }

    public static async Task<List<Organization>> OrganizationsAsync(CurrentUser currentUser, HotspotDbContext db,
        CancellationToken cancellationToken)
    {
        var user = await currentUser.RequireAsync(cancellationToken);
        var query = db.Organizations.AsNoTracking();
        if (user.Role != UserRole.PlatformAdmin) query = query.Where(o => o.Id == user.OrganizationId);
        return await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Take(1000).ToListAsync(cancellationToken);
    }
}
