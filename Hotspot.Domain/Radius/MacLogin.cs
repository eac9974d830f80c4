namespace Hotspot.Domain.Radius;

/// <summary>
/// A router's MAC login (MikroTik <c>login-by=mac</c>): the User-Name is the device's MAC address. It counts as
/// one only when it names the device that is asking (Calling-Station-Id, set by the router), so nobody can log in
/// as another device by typing its MAC at the login page.
/// </summary>
public static class MacLogin
{
    /// <summary>The device's MAC (<c>AA:BB:CC:DD:EE:FF</c>) when the request is a MAC login, else null.</summary>
    public static string? DeviceMac(string? userName, string? callingStationId)
    {
        var named = ParseMac(userName);
        return named is not null && named == ParseMac(callingStationId) ? named : null;
    }

    /// <summary>Six octets in hex, with <c>:</c>, <c>-</c> or <c>.</c> between them or nothing; null otherwise.</summary>
    public static string? ParseMac(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        if (trimmed.Any(c => !Uri.IsHexDigit(c) && c is not (':' or '-' or '.')))
            return null;
        var hex = new string(trimmed.Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();
        return hex.Length == 12 ? string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(i * 2, 2))) : null;
    }
}
