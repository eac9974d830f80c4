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

    public static Router Register(Guid organizationId, string? name, string? nasIdentifier, string? ipAddress, RouterAttributeProfile profile, DateTime now)
    {
        var trimmedName = name?.Trim() ?? "";
        var identifier = string.IsNullOrWhiteSpace(nasIdentifier) ? null : nasIdentifier.Trim();
        var ip = NormalizeIp(ipAddress);
        if (trimmedName.Length is 0 or > 100)
            throw DomainException.Validation("A router name must have 1 to 100 characters.");
        if (identifier is null && ip is null)
            throw DomainException.Validation("A router needs a NAS identifier or an IP address.");
        if (identifier is { Length: > 253 })
            throw DomainException.Validation("A NAS identifier has at most 253 characters.");
        return new Router
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Name = trimmedName,
            NasIdentifier = identifier,
            IpAddress = ip,
            AttributeProfile = profile,
            CreatedAt = now,
        };
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
