namespace Hotspot.Storage.Limits;

/// <summary>
/// A row of <c>limiter_counts</c>: how many attempts one key (a phone number, a client address, a device at a
/// router...) made in its current window, and until when it is locked out. Times are Unix milliseconds, so the same
/// single-statement SQL compares them on PostgreSQL and SQLite alike.
/// </summary>
public sealed class LimiterCount
{
    public required string Key { get; set; }
    public int Hits { get; set; }
    public long WindowEndsMs { get; set; }
    /// <summary>0 when the key was never locked out.</summary>
    public long LockedUntilMs { get; set; }
}
