using Hotspot.Domain;
using Hotspot.Domain.Radius;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.Radius;

/// <summary>Routers of each organization: what the admin GraphQL registers and lists, and what RADIUS looks up.</summary>
public sealed class RouterRegistry(IDbContextFactory<HotspotDbContext> contexts, TimeProvider clock)
{
    /// <summary>Registers a router; a NAS identifier or IP address already taken (by any organization) is refused.</summary>
    public async Task<Router> RegisterAsync(Guid organizationId, string? name, string? nasIdentifier, string? ipAddress,
        RouterAttributeProfile profile, CancellationToken cancellationToken)
    {
        var router = Router.Register(organizationId, name, nasIdentifier, ipAddress, profile, clock.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.Routers.AnyAsync(r =>
            (router.NasIdentifier != null && r.NasIdentifier == router.NasIdentifier) ||
            (router.IpAddress != null && r.IpAddress == router.IpAddress), cancellationToken);
        if (taken)
            throw DomainException.Validation("Another router already uses this NAS identifier or IP address.");
        db.Routers.Add(router);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw DomainException.Validation("Another router already uses this NAS identifier or IP address.");
        }
        return router;
    }

    public async Task<IReadOnlyList<Router>> ListAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Routers.AsNoTracking()
            .Where(r => r.OrganizationId == organizationId)
            .OrderBy(r => r.Name)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The router a RADIUS request comes from: by NAS-Identifier first, then by NAS-IP-Address.</summary>
    public async Task<Router?> FindAsync(string? nasIdentifier, string? ipAddress, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, nasIdentifier, ipAddress, cancellationToken);
    }

    internal static async Task<Router?> FindAsync(HotspotDbContext db, string? nasIdentifier, string? ipAddress, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(nasIdentifier))
        {
            var identifier = nasIdentifier.Trim();
            var byName = await db.Routers.FirstOrDefaultAsync(r => r.NasIdentifier == identifier, cancellationToken);
            if (byName is not null)
                return byName;
        }
        if (!string.IsNullOrWhiteSpace(ipAddress) && System.Net.IPAddress.TryParse(ipAddress.Trim(), out var parsed))
        {
            var ip = parsed.ToString();
            return await db.Routers.FirstOrDefaultAsync(r => r.IpAddress == ip, cancellationToken);
        }
        return null;
    }
}
