namespace Hotspot.Domain.Radius;

/// <summary>Which vendor attributes a router understands in an Access-Accept.</summary>
public enum RouterAttributeProfile
{
    /// <summary>MikroTik RouterOS hotspot: Mikrotik-Rate-Limit and Mikrotik-Total-Limit(-Gigawords).</summary>
    Mikrotik,

    /// <summary>Standard attributes only (Session-Timeout, Idle-Timeout, WISPr), for other vendors.</summary>
    Standard,
}
