using System.Net;

namespace Hotspot.Api.Payments;

/// <summary>
/// Where Daraja callbacks may come from. Daraja signs nothing, so besides the URL token the source address is the
/// only check: <c>Daraja:CallbackAllowedNetworks</c> lists addresses and CIDR ranges (the word <c>safaricom</c>
/// stands for Safaricom's published addresses, <c>off</c> turns the check off). Unconfigured, Production allows
/// Safaricom's published addresses and every other environment allows any address (sandbox, simulators, tests).
/// </summary>
public sealed class DarajaCallbackSources
{
    public const string ConfigurationKey = "Daraja:CallbackAllowedNetworks";
    public const string SafaricomKeyword = "safaricom";
    public const string OffKeyword = "off";

    /// <summary>
    /// Safaricom's Daraja callback addresses. Safaricom hosts no machine-readable list: these are the addresses its
    /// Go-Live documentation gives for whitelisting, as reproduced by the newtonmunene99/mpesa-api README ("IP
    /// Whitelisting") and parseen254/daraja-mcp (src/config.ts, "Daraja portal 'Go Live' documentation"), whose two
    /// lists differ by a few entries; this is their union, as the mpesakit library uses. Configure the list when
    /// Safaricom announces a change.
    /// </summary>
    public static readonly IReadOnlyList<string> SafaricomAddresses =
    [
        "196.201.214.200", "196.201.214.206", "196.201.213.114", "196.201.214.207", "196.201.214.208",
        "196.201.213.44", "196.201.212.127", "196.201.212.128", "196.201.212.129", "196.201.212.132",
        "196.201.212.136", "196.201.212.138", "196.201.212.74", "196.201.212.69",
    ];

    private readonly IReadOnlyList<IPNetwork>? _allowed;

    /// <param name="allowed">The allowed ranges; null allows every address.</param>
    public DarajaCallbackSources(IReadOnlyList<IPNetwork>? allowed) => _allowed = allowed;

    public bool IsEnabled => _allowed is not null;

    public static DarajaCallbackSources From(IConfiguration configuration, IHostEnvironment environment)
    {
        var entries = AddressRanges.Entries(configuration.GetSection(ConfigurationKey));
        if (entries is null)
            entries = environment.IsProduction() ? [SafaricomKeyword] : [OffKeyword];
        if (entries.Any(e => e.Equals(OffKeyword, StringComparison.OrdinalIgnoreCase)))
            return new DarajaCallbackSources(null);
        var ranges = entries
            .SelectMany(e => e.Equals(SafaricomKeyword, StringComparison.OrdinalIgnoreCase) ? SafaricomAddresses : [e])
            .Select(e => AddressRanges.Parse(e, ConfigurationKey))
            .ToList();
        return new DarajaCallbackSources(ranges);
    }

    /// <summary>Whether a callback from <paramref name="address"/> (the client after trusted proxies) may be applied.</summary>
    public bool Allows(IPAddress? address)
    {
        if (_allowed is null)
            return true;
        if (address is null)
            return false;
        var canonical = AddressRanges.Canonical(address);
        return _allowed.Any(range => range.Contains(canonical));
    }
}
