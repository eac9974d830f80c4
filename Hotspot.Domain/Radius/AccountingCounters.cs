namespace Hotspot.Domain.Radius;

/// <summary>Cumulative counters of an accounting report; bytes are gigawords × 2³² + octets.</summary>
public readonly record struct AccountingCounters(long InputBytes, long OutputBytes, long SessionSeconds)
{
    public static long Bytes(long octets, long gigawords) => checked(gigawords * (1L << 32) + octets);
}
