using System.Net;
using System.Text.RegularExpressions;

namespace Hotspot.Api.Portal;

/// <summary>
/// What MikroTik's login.html hands the portal in the query string: the router's login URL
/// (<c>link-login-only</c>), the page the customer wanted (<c>dst</c>), the device's <c>mac</c> and <c>ip</c>,
/// and the router's <c>error</c> after a failed login. Anything malformed is dropped, never echoed.
/// </summary>
public sealed partial record RouterLogin(Uri? LoginUrl, string? Destination, string? Mac, string? Ip, string? Error)
{
    public const string LoginUrlParameter = "link-login-only";
    public const int MaxUrlLength = 2048;
    public const int MaxErrorLength = 200;

    public static RouterLogin FromQuery(IQueryCollection query) => new(
        HttpUrl(query[LoginUrlParameter]),
        HttpUrl(query["dst"])?.AbsoluteUri,
        MacPattern().IsMatch(query["mac"].ToString()) ? query["mac"].ToString().ToUpperInvariant() : null,
        IPAddress.TryParse(query["ip"].ToString(), out var ip) ? ip.ToString() : null,
        CleanError(query["error"].ToString()));

    /// <summary>The router's origin, the one place besides this site the page may post a form to.</summary>
    public string? LoginOrigin => LoginUrl is { } url
        ? $"{url.Scheme}://{(url.HostNameType == UriHostNameType.IPv6 ? url.Host : url.IdnHost)}{(url.IsDefaultPort ? "" : ":" + url.Port)}"
        : null;

    private static Uri? HttpUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxUrlLength)
            return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url))
            return null;
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            return null;
        return string.IsNullOrEmpty(url.UserInfo) && !string.IsNullOrEmpty(url.Host) ? url : null;
    }

    private static string? CleanError(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? null : clean.Length > MaxErrorLength ? clean[..MaxErrorLength] : clean;
    }

    [GeneratedRegex("^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$")]
    private static partial Regex MacPattern();
}
