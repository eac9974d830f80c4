using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// A filtered query and the keys it is ordered by, the last being the row id, so every row has a unique position.
/// Cursors hold a row's position (its key values) rather than an offset: rows added or removed between two page
/// requests shift nothing, and the next page is a seek (<c>WHERE (k1, k2, id) &gt; (...)</c>) the database runs.
/// </summary>
public sealed class KeysetOrder<T>
{
    private const int MaxCursorLength = 4096;
    private readonly string _signature;

    // Queryable's four ordering methods, closed over T and a key type once, not looked up by name per page.
    private static readonly MethodInfo OrderBy = Ordering(nameof(Queryable.OrderBy));
    private static readonly MethodInfo OrderByDescending = Ordering(nameof(Queryable.OrderByDescending));
    private static readonly MethodInfo ThenBy = Ordering(nameof(Queryable.ThenBy));
    private static readonly MethodInfo ThenByDescending = Ordering(nameof(Queryable.ThenByDescending));
    private static readonly ConcurrentDictionary<(MethodInfo, Type), MethodInfo> ClosedOrderings = new();

    public KeysetOrder(IQueryable<T> query, IReadOnlyList<SortKey> keys)
    {
        Query = query;
        Keys = keys;
        // Names the connection and its order: a cursor of another order or connection is refused, not misread.
        _signature = typeof(T).Name + ":" + string.Join(",", keys.Select(k => k.Name + (k.Descending ? "-" : "+")));
    }

    /// <summary>The rows under <c>where</c>, unordered.</summary>
    public IQueryable<T> Query { get; }

    public IReadOnlyList<SortKey> Keys { get; }

    /// <summary>What the rollup counts for <see cref="Query"/>, when it can answer its <c>totalCount</c>.</summary>
    public RowCountScope? CountScope { get; init; }

    /// <summary>The query in this order, or in the opposite order to read a page from its end.</summary>
    public IQueryable<T> Sorted(IQueryable<T> query, bool reverse)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var key in Keys)
        {
            foreach (var term in key.OrderTerms)
            {
                var descending = key.Descending != reverse;
                var method = (ordered is null, descending) switch
                {
                    (true, false) => OrderBy,
                    (true, true) => OrderByDescending,
                    (false, false) => ThenBy,
                    (false, true) => ThenByDescending,
                };
                var source = ordered ?? query;
                var call = Expression.Call(Closed(method, term.ReturnType), source.Expression, Expression.Quote(term));
                ordered = (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(call);
            }
        }
        return ordered ?? query;
    }

    private static MethodInfo Ordering(string name) =>
        typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2);

    private static MethodInfo Closed(MethodInfo ordering, Type keyType) =>
        ClosedOrderings.GetOrAdd((ordering, keyType), static key => key.Item1.MakeGenericMethod(typeof(T), key.Item2));

    /// <summary>
    /// Rows past <paramref name="position"/>: after it when <paramref name="forward"/>, before it otherwise; with
    /// <paramref name="inclusive"/> the row at the position too. Built as nested OR/AND of per-key comparisons, the
    /// row-value comparison <c>(k1, k2, id) &gt; (v1, v2, v3)</c> with each key's own direction.
    /// </summary>
    public Expression<Func<T, bool>> Beyond(IReadOnlyList<object?> position, bool forward, bool inclusive)
    {
        var entity = Expression.Parameter(typeof(T), "e");
        Expression? tail = null;
        for (var i = Keys.Count - 1; i >= 0; i--)
        {
            var beyond = Keys[i].Beyond(entity, position[i], forward);
            var equal = Keys[i].Equal(entity, position[i]);
            tail = tail is null
                ? inclusive ? Expression.OrElse(beyond, equal) : beyond
                : Expression.OrElse(beyond, Expression.AndAlso(equal, tail));
        }
        return Expression.Lambda<Func<T, bool>>(tail!, entity);
    }

    /// <summary>The opaque cursor of an entity: base64 of its order's signature and key values.</summary>
    public string CursorOf(T entity)
    {
        var values = new JsonArray(Keys.Select(k => k.Encode(entity!)).ToArray());
        var json = new JsonObject { ["o"] = _signature, ["v"] = values }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a cursor back into key values; a malformed or foreign cursor is a VALIDATION error.</summary>
    public IReadOnlyList<object?> Decode(string cursor)
    {
        if (cursor.Length <= MaxCursorLength)
        {
            try
            {
                using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object
                    && root.TryGetProperty("o", out var signature) && signature.ValueKind == JsonValueKind.String && signature.GetString() == _signature
                    && root.TryGetProperty("v", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() == Keys.Count)
                {
                    var position = new object?[Keys.Count];
                    var valid = true;
                    var i = 0;
                    foreach (var element in values.EnumerateArray())
                    {
                        valid &= Keys[i].TryDecode(element, out position[i]);
                        i++;
                    }
                    if (valid) return position;
                }
            }
            catch (FormatException)
            {
            }
            catch (JsonException)
            {
            }
        }
        throw GraphQLErrors.Validation("The cursor is not one of this connection in this order: page again from the start.");
    }
}
