namespace Hotspot.Domain.Vouchers;

public enum VoucherSource
{
    /// <summary>Issued when a customer's payment settled a purchase.</summary>
    Purchase,

    /// <summary>Generated in a batch for cash sales.</summary>
    Batch,

    /// <summary>Issued one at a time by an admin.</summary>
    Admin,
}
