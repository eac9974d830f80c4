namespace Hotspot.Domain.Radius;

/// <summary>
/// A router (RADIUS NAS) of one organization. FreeRADIUS forwards its requests with the NAS-Identifier and
/// NAS-IP-Address it sent; either one finds the router, and through it the organization whose vouchers it accepts.
/// </summary>
public sealed class Router
{
    private Router() { Name = ""; AttributeProfile = RouterAttributeProfile.Mikrotik; }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; }

    /// <summary>The router's NAS-Identifier (MikroTik sends its system identity), unique across organizations.</summary>
    public string? NasIdentifier { get; private set; }

    /// <summary>The router's NAS-IP-Address (usually its VPN tunnel address), unique across organizations.</summary>
    public string? IpAddress { get; private set; }

    public RouterAttributeProfile AttributeProfile { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>When the router last asked us anything; shows the admin that it is wired up.</summary>
    public DateTime? LastSeenAt { get; private set; }

    /// <summary>
    /// When an admin removed the router; null while registered. A removed router keeps its row (its name stays on
    /// the sessions it carried) but gives up its NAS identifier and IP address, so RADIUS no longer finds it and
    /// another router may register them.
    /// </summary>
    public DateTime? RemovedAt { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public static Router Register(Guid organizationId, string? name, string? nasIdentifier, string? ipAddress, RouterAttributeProfile profile, DateTime now)
    {
        var router = new Router { Id = Guid.NewGuid(), OrganizationId = organizationId, CreatedAt = now };
        router.Change(name, nasIdentifier, ipAddress, profile);
        return router;
    }

    /// <summary>Replaces the router's settings, with the same rules as registering.</summary>
    public void Change(string? name, string? nasIdentifier, string? ipAddress, RouterAttributeProfile profile)
    {
        if (IsRemoved)
            throw DomainException.Validation("This router was removed.");
        var trimmedName = name?.Trim() ?? "";
        var identifier = string.IsNullOrWhiteSpace(nasIdentifier) ? null : nasIdentifier.Trim();
        var ip = NormalizeIp(ipAddress);
        if (trimmedName.Length is 0 or > 100)
            throw DomainException.Validation("A router name must have 1 to 100 characters.");
        if (identifier is null && ip is null)
            throw DomainException.Validation("A router needs a NAS identifier or an IP address.");
        if (identifier is { Length: > 253 })
            throw DomainException.Validation("A NAS identifier has at most 253 characters.");
        Name = trimmedName;
        NasIdentifier = identifier;
        IpAddress = ip;
        AttributeProfile = profile;
    }

    public void Remove(DateTime now)
    {
        RemovedAt ??= now;
        NasIdentifier = null;
        IpAddress = null;
    }

    public void MarkSeen(DateTime now) => LastSeenAt = now;

    /// <summary>The canonical text of an IP address, or null when blank; throws when it is not an address.</summary>
    public static string? NormalizeIp(string? ipAddress)
    {
        if (string.IsNullOrWhiteSpace(ipAddress))
            return null;
        if (!System.Net.IPAddress.TryParse(ipAddress.Trim(), out var parsed))
            throw DomainException.Validation("The router IP address is not a valid IPv4 or IPv6 address.");
        return parsed.ToString();
    }
}
