namespace Hotspot.Api.Radius;

/// <summary>The <c>Radius</c> configuration section (env <c>Radius__SharedSecret</c>).</summary>
public sealed class RadiusOptions
{
    /// <summary>Header that FreeRADIUS's rlm_rest sends with the shared secret (deploy/freeradius).</summary>
    public const string SecretHeader = "X-Hotspot-Radius-Secret";

    /// <summary>Shared between the API and FreeRADIUS. Without it the RADIUS routes answer 503: never open.</summary>
    public string? SharedSecret { get; set; }

    /// <summary>How often the stale-session janitor runs.</summary>
    public int JanitorIntervalSeconds { get; set; } = 60;
}
