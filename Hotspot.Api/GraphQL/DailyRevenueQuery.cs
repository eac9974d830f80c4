using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;
using Hotspot.Storage.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// <c>Organization.revenueByDay</c>: paid purchases summed per UTC day of payment. Whole days come from the daily
/// revenue rollup (a few rows per day, kept by triggers in the transaction that pays or changes a purchase); a part
/// day at either end of a range that does not start or end at midnight is summed from its purchases by the
/// database. Either way every figure is exact and at most 366 rows come back.
/// </summary>
public static class DailyRevenueQuery
{
    public const int MaxDays = 366;

    public static async Task<object> ResolveAsync(Organization organization, ResolverContext ctx)
    {
        await Resolve.User(ctx).RequireReadAsync(organization.Id, ctx.CancellationToken);
        var now = ctx.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        var to = ctx.ArgumentOrDefault<DateTimeOffset?>("to", null)?.UtcDateTime ?? now.Date.AddDays(1);
        var from = ctx.ArgumentOrDefault<DateTimeOffset?>("from", null)?.UtcDateTime ?? to.AddDays(-30);
        if (from >= to || (to - from).TotalDays > MaxDays)
            throw GraphQLErrors.Validation($"from must be before to, at most {MaxDays} days apart.");

        await using var db = await Resolve.DatabaseAsync(ctx);
        var days = new SortedDictionary<DateTime, DailyRevenue>();
        var wholeFrom = from == from.Date ? from : from.Date.AddDays(1);
        var wholeTo = to.Date;
        if (wholeFrom < wholeTo)
        {
            foreach (var day in await RollupQueries.DailyRevenueAsync(db, organization.Id, DateOnly.FromDateTime(wholeFrom),
                         DateOnly.FromDateTime(wholeTo), ctx.CancellationToken))
            {
                var date = day.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                days[date] = new DailyRevenue(date, day.AmountKes, checked((int)day.PurchaseCount));
            }
            if (from < wholeFrom) await AddPartAsync(db, organization.Id, from, wholeFrom, days, ctx.CancellationToken);
            if (wholeTo < to) await AddPartAsync(db, organization.Id, wholeTo, to, days, ctx.CancellationToken);
        }
        else
        {
            await AddPartAsync(db, organization.Id, from, to, days, ctx.CancellationToken);
        }
        return days.Values.ToList();
    }

    // Times are stored in UTC, so the date part of paid_at is the UTC day (SQLite: date(), PostgreSQL: date_trunc).
    private static async Task AddPartAsync(HotspotDbContext db, Guid organizationId, DateTime from, DateTime to,
        SortedDictionary<DateTime, DailyRevenue> days, CancellationToken cancellationToken)
    {
        var parts = await db.Purchases.AsNoTracking()
            .Where(p => p.OrganizationId == organizationId && p.Status == PurchaseStatus.Paid && p.PaidAt >= from && p.PaidAt < to)
            .GroupBy(p => p.PaidAt!.Value.Date)
            .Select(g => new { Day = g.Key, AmountKes = g.Sum(p => p.AmountKes), PurchaseCount = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var part in parts)
        {
            var date = DateTime.SpecifyKind(part.Day, DateTimeKind.Utc);
            days[date] = days.TryGetValue(date, out var whole)
                ? whole with { AmountKes = whole.AmountKes + part.AmountKes, PurchaseCount = whole.PurchaseCount + part.PurchaseCount }
                : new DailyRevenue(date, part.AmountKes, part.PurchaseCount);
        }
    }
}

/// <summary>Paid purchases of one UTC day.</summary>
public sealed record DailyRevenue(DateTime Day, long AmountKes, int PurchaseCount);
