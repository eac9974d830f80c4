namespace Hotspot.Storage.Radius;

/// <summary>Timers the router is told to use, and how long a silent session stays open.</summary>
public sealed class RadiusPolicy
{
    public int IdleTimeoutSeconds { get; set; } = 600;
    public int InterimIntervalSeconds { get; set; } = 300;

    /// <summary>A session with no accounting for this many interim intervals is closed as stale.</summary>
    public int StaleAfterIntervals { get; set; } = 3;

    public TimeSpan StaleAfter => TimeSpan.FromSeconds((long)InterimIntervalSeconds * StaleAfterIntervals);
}
