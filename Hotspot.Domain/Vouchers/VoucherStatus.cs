namespace Hotspot.Domain.Vouchers;

public enum VoucherStatus
{
    /// <summary>Issued (printed or handed out) but not yet in use; its time starts when activated.</summary>
    Unused,
    Active,
    Expired,
    Revoked,
}
