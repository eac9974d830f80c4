using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.Rollups;

/// <summary>Reads the rollups the triggers keep (migration ScaleRollups): a few rows each, whatever the table size.</summary>
public static class RollupQueries
{
    /// <summary>
    /// Rows of <paramref name="table"/> in an organization, of the given stored statuses (all rows when null): the
    /// sum of that organization's shares, exact because every change to the rows changed them in its transaction.
    /// </summary>
    public static Task<long> CountAsync(HotspotDbContext db, string table, Guid organizationId,
        IReadOnlyCollection<string>? statuses, CancellationToken cancellationToken)
    {
        var counts = db.RowCounts.AsNoTracking().Where(r => r.OrganizationId == organizationId && r.TableName == table);
        if (statuses is not null) counts = counts.Where(r => statuses.Contains(r.Status));
        return counts.SumAsync(r => r.RowTotal, cancellationToken);
    }

    /// <summary>Paid purchases per UTC day of payment, days from <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    public static Task<List<DayRevenue>> DailyRevenueAsync(HotspotDbContext db, Guid organizationId, DateOnly from, DateOnly to,
        CancellationToken cancellationToken) =>
        db.DailyRevenue.AsNoTracking()
            .Where(r => r.OrganizationId == organizationId && r.Day >= from && r.Day < to)
            .GroupBy(r => r.Day)
            .Where(g => g.Sum(r => r.PurchaseCount) != 0) // a day whose purchases were all unpaid again
            .OrderBy(g => g.Key)
            .Select(g => new DayRevenue(g.Key, g.Sum(r => r.AmountKes), g.Sum(r => r.PurchaseCount)))
            .ToListAsync(cancellationToken);
}

/// <summary>Paid purchases of one UTC day: their amount and how many.</summary>
public sealed record DayRevenue(DateOnly Day, long AmountKes, long PurchaseCount);
