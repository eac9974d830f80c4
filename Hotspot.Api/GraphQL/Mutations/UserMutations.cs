using Hotspot.Api.Auth;
using Hotspot.Api.Health;
using Hotspot.Domain.Users;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>Signing in and managing dashboard users.</summary>
[ExtendObjectType("Mutation")]
[DomainErrors]
public static class UserMutations
{
    public static async Task<LoginPayload> LoginAsync(LoginInput input, UserAccounts accounts, IHttpContextAccessor http,
        CancellationToken cancellationToken)
    {
        // The address after UseKnownProxies: a proxy's X-Forwarded-For only when the proxy is configured as known.
        var clientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        (string Token, DateTime ExpiresAt, User User)? result;
        try
        {
            result = await accounts.LoginAsync(input.Email, input.Password, clientAddress, cancellationToken);
        }
        catch (Exception e) when (DatabaseUnavailableErrors.IsDatabaseUnavailable(e))
        {
            throw DatabaseUnavailableErrors.FieldError(e);
        }
        if (result is not { } signedIn)
            throw new GraphQLException("Wrong email or password.", AccessDenied.UnauthenticatedCode);
        return new LoginPayload(signedIn.Token, signedIn.ExpiresAt, signedIn.User);
    }

    public static async Task<User> CreateUserAsync(CreateUserInput input, CurrentUser current, UserAccounts accounts,
        CancellationToken cancellationToken)
    {
        Guid? organizationId = null;
        if (input.Role == UserRole.PlatformAdmin)
        {
            await current.RequirePlatformAdminAsync(cancellationToken);
            if (input.OrganizationId is not null) throw GraphQLErrors.Validation("A platform admin belongs to no organization.");
        }
        else
        {
            organizationId = GraphQLErrors.ParseId(input.OrganizationId ?? throw GraphQLErrors.Validation("organizationId is required for this role."), "Organization");
            await current.RequireChangeAsync(organizationId.Value, cancellationToken);
        }
        return await accounts.CreateAsync(input.Email, input.Password, input.Role, organizationId, cancellationToken);
    }

    public static async Task<User> DeactivateUserAsync(string userId, CurrentUser currentUser, HotspotDbContext db,
        CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(userId, "User");
        var current = await currentUser.RequireAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        var allowed = user is not null && (user.OrganizationId is { } org ? current.CanRead(org) : current.Role == UserRole.PlatformAdmin);
        if (!allowed) throw AccessDenied.NotFound("User");
        if (user!.OrganizationId is { } orgId) await currentUser.RequireChangeAsync(orgId, cancellationToken);
        if (user.Id == current.Id) throw GraphQLErrors.Validation("You cannot deactivate yourself.");
        user.Deactivate();
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}
