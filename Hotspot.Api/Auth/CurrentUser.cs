using Hotspot.Api.Health;
using Hotspot.Domain.Users;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Auth;

/// <summary>
/// The user behind the request's <c>Authorization: Bearer</c> token (scoped: looked up once per request).
/// An invalid, expired or revoked token counts as no token.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, BearerTokens tokens, IDbContextFactory<HotspotDbContext> databases)
{
    private Task<User?>? _user;

    public Task<User?> GetAsync(CancellationToken cancellationToken) => _user ??= LoadAsync(cancellationToken);

    /// <summary>The signed-in user, or an UNAUTHENTICATED error.</summary>
    public async Task<User> RequireAsync(CancellationToken cancellationToken) =>
        await GetAsync(cancellationToken) ?? throw AccessDenied.Unauthenticated();

    /// <summary>A user who may read the organization; others get NOT_FOUND, so nothing reveals that it exists.</summary>
    public async Task<User> RequireReadAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(cancellationToken);
        if (!user.CanRead(organizationId)) throw AccessDenied.NotFound("Organization");
        return user;
    }

    /// <summary>A user who may change the organization: members who may only read get FORBIDDEN.</summary>
    public async Task<User> RequireChangeAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var user = await RequireReadAsync(organizationId, cancellationToken);
        if (!user.CanChange(organizationId)) throw AccessDenied.Forbidden("Viewers cannot change anything.");
        return user;
    }

    public async Task<User> RequirePlatformAdminAsync(CancellationToken cancellationToken)
    {
        var user = await RequireAsync(cancellationToken);
        if (user.Role != UserRole.PlatformAdmin) throw AccessDenied.Forbidden("Only platform admins may do this.");
        return user;
    }

    private async Task<User?> LoadAsync(CancellationToken cancellationToken)
    {
        var header = http.HttpContext?.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var userId = tokens.ReadUserId(header["Bearer ".Length..].Trim(), out var stamp);
        if (userId is null) return null;
        User? user;
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        }
        catch (Exception e) when (DatabaseUnavailableErrors.IsDatabaseUnavailable(e))
        {
            // Nearly every field asks for the user first: during an outage they all answer SERVICE_UNAVAILABLE.
            throw DatabaseUnavailableErrors.FieldError(e);
        }
        if (user is null || !user.IsActive || !BearerTokens.StampMatches(user, stamp)) return null;
        return user;
    }
}
