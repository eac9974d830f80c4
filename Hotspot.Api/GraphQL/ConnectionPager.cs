using System.Text;
using Hotspot.GraphQL.Binding;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// Pages an ordered EF query by Relay arguments (<c>first/after/last/before</c>). Cursors are opaque offsets into
/// the filtered, ordered set, as HotChocolate's offset paging does; the database does the skipping and counting.
/// </summary>
public static class ConnectionPager
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    public static async Task<Connection<T>> PageAsync<T>(IQueryable<T> ordered, ResolverContext ctx)
    {
        var first = ctx.ArgumentOrDefault<int?>("first", null);
        var last = ctx.ArgumentOrDefault<int?>("last", null);
        var after = ctx.ArgumentOrDefault<string?>("after", null);
        var before = ctx.ArgumentOrDefault<string?>("before", null);
        if (first is < 0 || last is < 0) throw GraphQLErrors.Validation("first and last cannot be negative.");
        if (first > MaxPageSize || last > MaxPageSize)
            throw GraphQLErrors.Validation($"Pages hold at most {MaxPageSize} items: lower first or last.");
        if (first is null && last is null) first = DefaultPageSize;

        var total = await ordered.CountAsync(ctx.CancellationToken);
        var start = after is null ? 0 : Decode(after) + 1;
        var end = before is null ? total : Decode(before);
        start = Math.Min(start, total);
        end = Math.Clamp(end, start, total);
        if (first is { } f) end = Math.Min(end, start + f);
        if (last is { } l) start = Math.Max(start, end - l);

        var items = end > start
            ? await ordered.Skip(start).Take(end - start).ToListAsync(ctx.CancellationToken)
            : [];
        var edges = items.Select((item, i) => new Edge<T>(Encode(start + i), item)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: start + items.Count < total,
            HasPreviousPage: start > 0,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(pageInfo, edges, items, total);
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes("offset:" + offset));

    private static int Decode(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(7), out var offset) && offset >= 0)
                return offset;
        }
        catch (FormatException)
        {
        }
        throw GraphQLErrors.Validation($"\"{cursor}\" is not a cursor of this connection.");
    }
}
