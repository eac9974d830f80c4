using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hotspot.Api.Payments;

/// <summary>The app's own URL as the server listens on it, with a wildcard host replaced by localhost.</summary>
public static class SelfUrl
{
    public static string? Of(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0) // the sandbox needs no TLS
            .FirstOrDefault();
        if (address is null)
            return null;
        return address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost")
            .Replace("://+", "://localhost").Replace("://*", "://localhost").TrimEnd('/');
    }
}
