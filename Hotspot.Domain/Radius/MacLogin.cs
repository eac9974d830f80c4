using Hotspot.Domain.Devices;

namespace Hotspot.Domain.Radius;

/// <summary>
/// A router's MAC login (MikroTik <c>login-by=mac</c>): the User-Name is the device's MAC address. It counts as
/// one only when it names the device that is asking (Calling-Station-Id, set by the router), so nobody can log in
/// as another device by typing its MAC at the login page.
/// </summary>
public static class MacLogin
{
    /// <summary>The device's MAC (<c>AA:BB:CC:DD:EE:FF</c>) when the request is a MAC login, else null.</summary>
    public static string? DeviceMac(string? userName, string? callingStationId) =>
        MacAddress.TryParse(userName, out var named) && MacAddress.TryParse(callingStationId, out var device) && named == device
            ? named.Value
            : null;
}
