namespace Hotspot.Storage.Rollups;

/// <summary>
/// A row of <c>rollup_daily_revenue</c>: paid purchases of one organization on one UTC day of payment (or one share
/// of them, see <see cref="RowCount.Slot"/>). Kept by triggers on <c>purchases</c> in the same transaction.
/// </summary>
public sealed class DailyRevenueRollup
{
    public Guid OrganizationId { get; set; }
    public DateOnly Day { get; set; }
    public int Slot { get; set; }
    public long AmountKes { get; set; }
    public long PurchaseCount { get; set; }
}
