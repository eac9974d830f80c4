using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.GraphQL.Binding;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// <c>Organization.revenueByDay</c>: paid purchases summed per UTC day of payment. The database groups and sums, so
/// a year of purchases comes back as at most 366 rows.
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
        // Times are stored in UTC, so the date part of paid_at is the UTC day (SQLite: date(), PostgreSQL: date_trunc).
        var days = await db.Purchases.AsNoTracking()
            .Where(p => p.OrganizationId == organization.Id && p.Status == PurchaseStatus.Paid && p.PaidAt >= from && p.PaidAt < to)
            .GroupBy(p => p.PaidAt!.Value.Date)
            .Select(g => new { Day = g.Key, AmountKes = g.Sum(p => p.AmountKes), PurchaseCount = g.Count() })
            .OrderBy(d => d.Day)
            .ToListAsync(ctx.CancellationToken);
        return days.Select(d => new DailyRevenue(DateTime.SpecifyKind(d.Day, DateTimeKind.Utc), d.AmountKes, d.PurchaseCount)).ToList();
    }
}

/// <summary>Paid purchases of one UTC day.</summary>
public sealed record DailyRevenue(DateTime Day, long AmountKes, int PurchaseCount);
