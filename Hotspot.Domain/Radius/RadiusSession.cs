namespace Hotspot.Domain.Radius;

/// <summary>
/// One accounting session of a device on a router. Routers report cumulative counters, so the session keeps
/// the latest (largest) totals: a repeated or late interim update cannot add usage twice or take it back.
/// </summary>
public sealed class RadiusSession
{
    private RadiusSession() { AcctSessionId = ""; }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid RouterId { get; private set; }
    public Guid VoucherId { get; private set; }
    public string AcctSessionId { get; private set; }
    public string? MacAddress { get; private set; }
    public string? IpAddress { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime LastUpdateAt { get; private set; }
    public DateTime? StoppedAt { get; private set; }

    /// <summary>Bytes from the device (Acct-Input-Octets with its gigawords).</summary>
    public long InputBytes { get; private set; }

    /// <summary>Bytes to the device (Acct-Output-Octets with its gigawords).</summary>
    public long OutputBytes { get; private set; }

    public long SessionSeconds { get; private set; }
    public string? TerminateCause { get; private set; }

    public long TotalBytes => InputBytes + OutputBytes;
    public bool IsOpen => StoppedAt is null;

    public static RadiusSession Start(Router router, Guid voucherId, string acctSessionId, string? macAddress, string? ipAddress, DateTime now) =>
        new()
        {
            Id = Guid.NewGuid(),
            OrganizationId = router.OrganizationId,
            RouterId = router.Id,
            VoucherId = voucherId,
            AcctSessionId = acctSessionId,
            MacAddress = macAddress,
            IpAddress = ipAddress,
            StartedAt = now,
            LastUpdateAt = now,
        };

    /// <summary>Takes a report's cumulative counters; counters never go down, so old reports change nothing.</summary>
    public void Report(AccountingCounters counters, DateTime now)
    {
        InputBytes = Math.Max(InputBytes, counters.InputBytes);
        OutputBytes = Math.Max(OutputBytes, counters.OutputBytes);
        SessionSeconds = Math.Max(SessionSeconds, counters.SessionSeconds);
        if (now > LastUpdateAt)
            LastUpdateAt = now;
    }

    /// <summary>Closes the session; closing a closed session changes nothing.</summary>
    public void Stop(string? cause, DateTime now)
    {
        if (StoppedAt is not null)
            return;
        StoppedAt = now;
        TerminateCause = cause;
    }
}
