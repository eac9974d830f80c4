using Hotspot.Domain;
using Hotspot.Domain.Auditing;
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

    /// <summary>
    /// Replaces a router's settings; null when the organization has no such (registered) router. A NAS identifier or
    /// IP address taken by another router is refused.
    /// </summary>
    public async Task<Router?> UpdateAsync(Guid organizationId, Guid routerId, string? name, string? nasIdentifier, string? ipAddress,
        RouterAttributeProfile profile, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var router = await db.Routers.FirstOrDefaultAsync(r => r.Id == routerId && r.OrganizationId == organizationId && r.RemovedAt == null, cancellationToken);
        if (router is null)
            return null;
        router.Change(name, nasIdentifier, ipAddress, profile);
        var taken = await db.Routers.AnyAsync(r => r.Id != router.Id &&
            ((router.NasIdentifier != null && r.NasIdentifier == router.NasIdentifier) ||
             (router.IpAddress != null && r.IpAddress == router.IpAddress)), cancellationToken);
        if (taken)
            throw DomainException.Validation("Another router already uses this NAS identifier or IP address.");
        db.AuditLog.Add(new AuditEntry(organizationId, actor, "router.updated",
            $"Router {router.Id} ({router.Name}): NAS identifier {router.NasIdentifier ?? "-"}, IP address {router.IpAddress ?? "-"}, profile {router.AttributeProfile}",
            clock.GetUtcNow().UtcDateTime));
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

    /// <summary>
    /// Removes a router: RADIUS requests from its NAS are rejected from now on, and its open sessions are closed
    /// (it will not report them again), so they stop holding device slots. Null when the organization has no
    /// such (registered) router.
    /// </summary>
    public async Task<Router?> RemoveAsync(Guid organizationId, Guid routerId, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var router = await db.Routers.FirstOrDefaultAsync(r => r.Id == routerId && r.OrganizationId == organizationId && r.RemovedAt == null, cancellationToken);
        if (router is null)
            return null;
        var details = $"Router {router.Id} ({router.Name}): NAS identifier {router.NasIdentifier ?? "-"}, IP address {router.IpAddress ?? "-"}";
        router.Remove(now);
        var open = await db.RadiusSessions.Where(s => s.RouterId == router.Id && s.StoppedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
            session.Stop(RemovedCause, now);
        db.AuditLog.Add(new AuditEntry(organizationId, actor, "router.removed", details, now));
        await db.SaveChangesAsync(cancellationToken);
        return router;
    }

    /// <summary>Terminate cause of the sessions closed because their router was removed.</summary>
    public const string RemovedCause = "Admin-Reset";

    public async Task<IReadOnlyList<Router>> ListAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Routers.AsNoTracking()
            .Where(r => r.OrganizationId == organizationId && r.RemovedAt == null)
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
            var byName = await db.Routers.FirstOrDefaultAsync(r => r.NasIdentifier == identifier && r.RemovedAt == null, cancellationToken);
            if (byName is not null)
                return byName;
        }
        if (!string.IsNullOrWhiteSpace(ipAddress) && System.Net.IPAddress.TryParse(ipAddress.Trim(), out var parsed))
        {
            var ip = parsed.ToString();
            return await db.Routers.FirstOrDefaultAsync(r => r.IpAddress == ip && r.RemovedAt == null, cancellationToken);
        }
        return null;
    }
}
