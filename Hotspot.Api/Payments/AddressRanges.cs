using System.Net;

namespace Hotspot.Api.Payments;

/// <summary>
/// Lists of addresses and CIDR ranges read from configuration, either as an array
/// (<c>Key:0</c>, <c>Key:1</c>, ...) or as one comma-separated value (handy in environment variables).
/// A malformed entry stops the start-up: a security list must not be half-read.
/// </summary>
public static class AddressRanges
{
    /// <summary>The entries under <paramref name="section"/>, trimmed; null when the key is not configured.</summary>
    public static IReadOnlyList<string>? Entries(IConfigurationSection section)
    {
        var children = section.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (children.Count > 0)
            return children;
        return string.IsNullOrWhiteSpace(section.Value)
            ? null
            : section.Value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>An address (as a single-address range) or a CIDR range.</summary>
    public static IPNetwork Parse(string entry, string key)
    {
        if (entry.Contains('/'))
        {
            if (IPNetwork.TryParse(entry, out var network))
                return network;
        }
        else if (IPAddress.TryParse(entry, out var address))
        {
            address = Canonical(address);
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }
        throw new InvalidOperationException($"{key}: \"{entry}\" is neither an IP address nor a CIDR range (e.g. 196.201.214.0/24).");
    }

    /// <summary>An IPv4 client seen through an IPv6 socket (::ffff:a.b.c.d) is the IPv4 address.</summary>
    public static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
