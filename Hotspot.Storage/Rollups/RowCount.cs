namespace Hotspot.Storage.Rollups;

/// <summary>
/// A row of <c>rollup_row_counts</c>: how many rows of one table an organization has in one status, or one share of
/// that number. Kept by database triggers in the transaction that inserts, updates or deletes the rows, so a
/// <c>totalCount</c> reads a handful of these instead of counting a million rows.
/// </summary>
public sealed class RowCount
{
    public Guid OrganizationId { get; set; }

    /// <summary>The counted table: <c>purchases</c>, <c>vouchers</c>, <c>isp_mpesa_transactions</c> or <c>isp_kopokopo_transactions</c>.</summary>
    public required string TableName { get; set; }

    /// <summary>The status column's stored value (the enum name).</summary>
    public required string Status { get; set; }

    /// <summary>
    /// Which share of the count this row holds. PostgreSQL writers add to the share of their backend
    /// (<c>pg_backend_pid() % 64</c>), so concurrent settlements of one organization do not queue on one row; the
    /// count is the sum of the shares.
    /// </summary>
    public int Slot { get; set; }

    public long RowTotal { get; set; }
}
