using Hotspot.Api.Auth;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Users;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>A <c>User</c>'s organization, shown only to who may read it; the other fields are its properties.</summary>
[ObjectType("User", typeof(User))]
public static class UserResolvers
{
    public static async Task<Organization?> OrganizationAsync([Parent] User user, CurrentUser currentUser, ResolverContext context)
    {
        if (user.OrganizationId is not { } id) return null;
        var viewer = await currentUser.GetAsync(context.CancellationToken);
        if (viewer is null || !viewer.CanRead(id)) return null;
        return await DataLoaders.Organizations(context).LoadAsync(id);
    }
}
