namespace Hotspot.Domain.Radius;

/// <summary>What a voucher has used so far, over all its sessions.</summary>
public sealed record VoucherUsage(Guid VoucherId, long BytesUsed, int Sessions, int Devices, int OpenSessions)
{
    public static VoucherUsage None(Guid voucherId) => new(voucherId, 0, 0, 0, 0);
}
