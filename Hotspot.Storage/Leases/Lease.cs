namespace Hotspot.Storage.Leases;

/// <summary>A row of <c>leases</c>: who may run a named background job until when.</summary>
public sealed class Lease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}
