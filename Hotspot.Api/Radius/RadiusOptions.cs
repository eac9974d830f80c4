namespace Hotspot.Api.Radius;

/// <summary>The <c>Radius</c> configuration section (env <c>Radius__SharedSecret</c>).</summary>
public sealed class RadiusOptions
{
    /// <summary>Header that FreeRADIUS's rlm_rest sends with the shared secret (deploy/freeradius).</summary>
    public const string SecretHeader = "X-Hotspot-Radius-Secret";

    /// <summary>Shared between the API and FreeRADIUS. Without it the RADIUS routes answer 503: never open.</summary>
    public string? SharedSecret { get; set; }

    /// <summary>
    /// The password MikroTik sends with a MAC login (its hotspot profile's <c>mac-auth-password</c>); when unset, the
    /// password must be the MAC itself (<c>mac-auth-mode=mac-as-username-and-password</c>).
    /// </summary>
    public string? MacAuthPassword { get; set; }

    /// <summary>How often the stale-session janitor runs.</summary>
    public int JanitorIntervalSeconds { get; set; } = 60;

    /// <summary>Unknown voucher codes one device (NAS + Calling-Station-Id) may try within the window before a lockout.</summary>
    public int WrongCodeLimit { get; set; } = 5;

    public int WrongCodeWindowSeconds { get; set; } = 300;

    /// <summary>How long a device that hit the limit is refused, whatever code it sends.</summary>
    public int WrongCodeLockoutSeconds { get; set; } = 300;
}
