using Hotspot.Api.Auth;
using Hotspot.Domain.Organizations;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;

namespace Hotspot.Api.GraphQL;

/// <summary>Creating organizations (platform admins only).</summary>
[ExtendObjectType("Mutation")]
[DomainErrors]
public static class OrganizationMutations
{
    public static async Task<Organization> CreateOrganizationAsync(CreateOrganizationInput input, CurrentUser currentUser,
        HotspotDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = await currentUser.RequirePlatformAdminAsync(cancellationToken);
        var organization = Organization.Create(input.Name, user.Email, time.GetUtcNow().UtcDateTime);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        return organization;
    }
}
