using Hotspot.Api.Auth;

namespace Hotspot.Api.GraphQL;

/// <summary>The access rule of mutations that find their organization through the row they change.</summary>
public static class MutationAccess
{
    /// <summary>Members of other organizations learn nothing (NOT_FOUND); viewers of this one get FORBIDDEN.</summary>
    public static async Task RequireChangeOfAsync(this CurrentUser currentUser, Guid organizationId, string what,
        CancellationToken cancellationToken)
    {
        var user = await currentUser.RequireAsync(cancellationToken);
        if (!user.CanRead(organizationId)) throw AccessDenied.NotFound(what);
        await currentUser.RequireChangeAsync(organizationId, cancellationToken);
    }
}
