using Hotspot.GraphQL.Binding;
using Hotspot.Storage.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// Pages a <see cref="KeysetOrder{T}"/> by Relay arguments (<c>first/after</c>, <c>last/before</c>). Cursors are
/// row positions (keyset), so a dashboard paging while new transactions arrive neither sees a row twice nor misses
/// one. The database seeks, sorts, limits and counts; <c>pageInfo</c> is exact.
/// </summary>
public static class ConnectionPager
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    public static async Task<Connection<T>> PageAsync<T>(KeysetOrder<T> order, ResolverContext ctx)
    {
        var first = ctx.ArgumentOrDefault<int?>("first", null);
        var last = ctx.ArgumentOrDefault<int?>("last", null);
        var after = ctx.ArgumentOrDefault<string?>("after", null);
        var before = ctx.ArgumentOrDefault<string?>("before", null);
        if (first is < 0 || last is < 0) throw GraphQLErrors.Validation("first and last cannot be negative.");
        if (first > MaxPageSize || last > MaxPageSize)
            throw GraphQLErrors.Validation($"Pages hold at most {MaxPageSize} items: lower first or last.");
        if (first is null && last is null) first = DefaultPageSize;
        var afterPosition = after is null ? null : order.Decode(after);
        var beforePosition = before is null ? null : order.Decode(before);
        var cancellation = ctx.CancellationToken;

        var window = order.Query;
        if (afterPosition is not null) window = window.Where(order.Beyond(afterPosition, forward: true, inclusive: false));
        if (beforePosition is not null) window = window.Where(order.Beyond(beforePosition, forward: false, inclusive: false));

        // first (with or without last) reads from the window's start, last alone from its end; one row more than
        // asked says whether the page was cut.
        var forward = first is not null;
        var size = forward ? first!.Value : last!.Value;
        var items = await order.Sorted(window, reverse: !forward).Take(size + 1).ToListAsync(cancellation);
        var cut = items.Count > size;
        if (cut) items.RemoveAt(items.Count - 1);
        if (!forward) items.Reverse();
        var moreAfter = forward && cut;
        var moreBefore = !forward && cut;
        if (forward && last is { } lastCount && items.Count > lastCount)
        {
            items.RemoveRange(0, items.Count - lastCount);
            moreBefore = true;
        }
        // Past the window's ends lie the rows at or beyond the cursors themselves.
        var hasNextPage = moreAfter || (beforePosition is not null
            && await order.Query.AnyAsync(order.Beyond(beforePosition, forward: true, inclusive: true), cancellation));
        var hasPreviousPage = moreBefore || (afterPosition is not null
            && await order.Query.AnyAsync(order.Beyond(afterPosition, forward: false, inclusive: true), cancellation));
        // Counting every matching row is the dearest part of a page: only when the caller asks for it (else never
        // read), and from the rollup when it counts these rows.
        var total = ctx.IsSelected("totalCount") ? await CountAsync(order, ctx) : 0;

        var edges = items.Select(item => new Edge<T>(order.CursorOf(item), item)).ToList();
        var pageInfo = new PageInfo(hasNextPage, hasPreviousPage,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(pageInfo, edges, items, total);
    }

    private static async Task<int> CountAsync<T>(KeysetOrder<T> order, ResolverContext ctx)
    {
        if (order.CountScope is not { } scope) return await order.Query.CountAsync(ctx.CancellationToken);
        await using var db = await Resolve.DatabaseAsync(ctx);
        return checked((int)await RollupQueries.CountAsync(db, scope.Table, scope.OrganizationId, scope.Statuses, ctx.CancellationToken));
    }
}
