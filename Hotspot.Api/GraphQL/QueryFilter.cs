using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// Turns a HotChocolate-style <c>where</c> input (<c>and</c>, <c>or</c>, per field operator inputs) and an
/// <c>order</c> list into LINQ expressions that EF translates to SQL: nothing is filtered in memory.
/// </summary>
public sealed class QueryFilter<T>
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private const int MaxListLength = 1000;
    private const int MaxOrderKeys = 8;

    private readonly IReadOnlyDictionary<string, FilterField> _fields;
    private readonly Dictionary<string, SortKey> _ascending;
    private readonly Dictionary<string, SortKey> _descending;
    private readonly SortKey _defaultOrder;
    private readonly SortKey _id;
    private readonly string? _countedTable;
    // The rollup scope of each query this filter made whose totalCount the rollup can answer, for Order to pass on.
    private readonly ConditionalWeakTable<IQueryable<T>, RowCountScope> _countScopes = new();

    /// <param name="fields">The filterable and sortable fields by GraphQL name.</param>
    /// <param name="id">The row id: the last order key, which makes positions unique.</param>
    /// <param name="defaultOrder">The field to order by when <c>order</c> is not given.</param>
    /// <param name="defaultDescending">Whether the default order is descending.</param>
    /// <param name="countedTable">
    /// The table whose rows per organization and status the rollup <c>rollup_row_counts</c> counts (its
    /// <c>status</c> field), so <c>totalCount</c> under no <c>where</c> or a status-only one reads the rollup.
    /// </param>
    public QueryFilter(IReadOnlyDictionary<string, FilterField> fields, Expression<Func<T, Guid>> id, string defaultOrder, bool defaultDescending,
        string? countedTable = null)
    {
        _fields = fields;
        _countedTable = countedTable;
        // Built once: each key compiles a reader for cursor values.
        _ascending = fields.ToDictionary(f => f.Key, f => SortKey.For(f.Key, f.Value, descending: false));
        _descending = fields.ToDictionary(f => f.Key, f => SortKey.For(f.Key, f.Value, descending: true));
        _defaultOrder = (defaultDescending ? _descending : _ascending)[defaultOrder];
        _id = SortKey.Id(id);
    }

    public IQueryable<T> Where(IQueryable<T> query, object? where)
    {
        var filtered = Filtered(query, where);
        if (_countedTable is not null && RowCountScope.OrganizationOf(query.Expression) is { } organizationId
            && CountedStatuses(where, out var statuses))
            _countScopes.AddOrUpdate(filtered, new RowCountScope(_countedTable, organizationId, statuses));
        return filtered;
    }

    private IQueryable<T> Filtered(IQueryable<T> query, object? where)
    {
        if (where is not IReadOnlyDictionary<string, object?> input) return query;
        var parameter = Expression.Parameter(typeof(T), "e");
        var body = Object(input, parameter, 0);
        return body is null ? query : query.Where(Expression.Lambda<Func<T, bool>>(body, parameter));
    }

    /// <summary>
    /// Whether <paramref name="where"/> selects rows by status alone (or not at all), and which stored statuses:
    /// <c>eq</c>, <c>neq</c>, <c>in</c>, <c>nin</c> on <c>status</c>, together. Anything else is counted by the database.
    /// </summary>
    private bool CountedStatuses(object? where, out IReadOnlyCollection<string>? statuses)
    {
        statuses = null;
        if (where is null) return true;
        if (where is not IReadOnlyDictionary<string, object?> input || !_fields.TryGetValue("status", out var field) || field.Kind != FilterKind.Enum)
            return false;
        HashSet<object>? selected = null;
        foreach (var (name, value) in input)
        {
            if (value is null) continue;
            if (name != "status" || value is not IReadOnlyDictionary<string, object?> ops) return false;
            var all = Enum.GetValues(Nullable.GetUnderlyingType(field.Member.Body.Type) ?? field.Member.Body.Type).Cast<object>();
            selected ??= all.ToHashSet();
            foreach (var (op, raw) in ops)
            {
                if (raw is null && op is "in" or "nin") continue;
                if (raw is null) return false; // eq null / neq null: left to the database
                switch (op)
                {
                    case "eq": selected.IntersectWith([field.EnumValue!(raw.ToString()!)]); break;
                    case "neq": selected.Remove(field.EnumValue!(raw.ToString()!)); break;
                    case "in": selected.IntersectWith(Items(raw).Where(v => v is not null).Select(v => field.EnumValue!(v!.ToString()!))); break;
                    case "nin": selected.ExceptWith(Items(raw).Where(v => v is not null).Select(v => field.EnumValue!(v!.ToString()!))); break;
                    default: return false;
                }
            }
        }
        // Status columns store the enum's name.
        statuses = selected?.Select(v => v.ToString()!).ToList();
        return true;
    }

    /// <summary>
    /// The order of a connection: each entry of <paramref name="order"/> (or the default order), then the row id so
    /// every row has a unique position for keyset cursors.
    /// </summary>
    public KeysetOrder<T> Order(IQueryable<T> query, object? order)
    {
        var keys = new List<SortKey>();
        if (order is object?[] entries)
        {
            foreach (var entry in entries.OfType<IReadOnlyDictionary<string, object?>>())
            {
                foreach (var (name, direction) in entry)
                {
                    if (direction is null) continue;
                    var byDirection = direction as string == "DESC" ? _descending : _ascending;
                    keys.Add(byDirection.TryGetValue(name, out var key) ? key : throw GraphQLErrors.Validation($"Cannot order by {name}."));
                }
            }
        }
        if (keys.Count > MaxOrderKeys) throw GraphQLErrors.Validation($"order takes at most {MaxOrderKeys} keys.");
        if (keys.Count == 0) keys.Add(_defaultOrder);
        keys.Add(_id);
        return new KeysetOrder<T>(query, keys) { CountScope = _countScopes.TryGetValue(query, out var scope) ? scope : null };
    }

    private Expression? Object(IReadOnlyDictionary<string, object?> input, ParameterExpression parameter, int depth)
    {
        if (depth > 10) throw GraphQLErrors.Validation("where is nested too deeply.");
        Expression? result = null;
        foreach (var (name, value) in input)
        {
            if (value is null) continue;
            Expression? condition = name switch
            {
                "and" => Combine(Items(value).Select(v => Object(Dict(v), parameter, depth + 1)), Expression.AndAlso),
                "or" => Combine(Items(value).Select(v => Object(Dict(v), parameter, depth + 1)), Expression.OrElse),
                _ => _fields.TryGetValue(name, out var field)
                    ? Operators(Rebind(field.Member, parameter), field, Dict(value), depth)
                    : throw GraphQLErrors.Validation($"Cannot filter by {name}."),
            };
            result = And(result, condition);
        }
        return result;
    }

    private static Expression Rebind(LambdaExpression member, ParameterExpression parameter) =>
        new ParameterReplacer(member.Parameters[0], parameter).Visit(member.Body);

    private Expression? Operators(Expression member, FilterField field, IReadOnlyDictionary<string, object?> ops, int depth)
    {
        if (depth > 10) throw GraphQLErrors.Validation("where is nested too deeply.");
        Expression? result = null;
        foreach (var (op, raw) in ops)
        {
            Expression condition;
            switch (op)
            {
                case "and":
                    condition = Combine(Items(raw).Select(v => Operators(member, field, Dict(v), depth + 1)), Expression.AndAlso) ?? Expression.Constant(true);
                    break;
                case "or":
                    condition = Combine(Items(raw).Select(v => Operators(member, field, Dict(v), depth + 1)), Expression.OrElse) ?? Expression.Constant(false);
                    break;
                case "in" or "nin":
                    if (raw is null) continue;
                    var list = Items(raw);
                    if (list.Count > MaxListLength) throw GraphQLErrors.Validation($"in/nin take at most {MaxListLength} values.");
                    var typed = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(member.Type))!;
                    foreach (var item in list) typed.Add(Value(item, member.Type, field));
                    var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type], Expression.Constant(typed), member);
                    condition = op == "in" ? contains : Expression.Not(contains);
                    break;
                default:
                    if (raw is null && op is not ("eq" or "neq")) continue;
                    var constant = Expression.Constant(Value(raw, member.Type, field), member.Type);
                    condition = op switch
                    {
                        "eq" => Expression.Equal(member, constant),
                        "neq" => Expression.NotEqual(member, constant),
                        "gt" => Expression.GreaterThan(member, constant),
                        "gte" => Expression.GreaterThanOrEqual(member, constant),
                        "lt" => Expression.LessThan(member, constant),
                        "lte" => Expression.LessThanOrEqual(member, constant),
                        "ngt" => Expression.Not(Expression.GreaterThan(member, constant)),
                        "ngte" => Expression.Not(Expression.GreaterThanOrEqual(member, constant)),
                        "nlt" => Expression.Not(Expression.LessThan(member, constant)),
                        "nlte" => Expression.Not(Expression.LessThanOrEqual(member, constant)),
                        "contains" => NotNullAnd(member, Expression.Call(member, StringContains, constant)),
                        "ncontains" => Expression.Not(NotNullAnd(member, Expression.Call(member, StringContains, constant))),
                        "startsWith" => NotNullAnd(member, Expression.Call(member, StringStartsWith, constant)),
                        "endsWith" => NotNullAnd(member, Expression.Call(member, StringEndsWith, constant)),
                        _ => throw GraphQLErrors.Validation($"Unknown filter operator {op}."),
                    };
                    break;
            }
            result = And(result, condition);
        }
        return result;
    }

    private static Expression NotNullAnd(Expression member, Expression condition) =>
        Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, member.Type)), condition);

    private static object? Value(object? raw, Type target, FilterField field)
    {
        if (raw is null) return null;
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        return field.Kind switch
        {
            FilterKind.String => raw as string ?? raw.ToString(),
            FilterKind.Long => Convert.ToInt64(raw, System.Globalization.CultureInfo.InvariantCulture),
            FilterKind.Boolean => (bool)raw,
            FilterKind.DateTime => raw switch
            {
                DateTimeOffset offset => offset.UtcDateTime,
                DateTime dateTime => dateTime.ToUniversalTime(),
                _ => throw GraphQLErrors.Validation("Expected a DateTime."),
            },
            FilterKind.Id => Guid.TryParse(raw.ToString(), out var id) ? id : throw GraphQLErrors.Validation($"\"{raw}\" is not an id."),
            FilterKind.Enum => field.EnumValue!(raw.ToString()!),
            _ => throw new InvalidOperationException(underlying.Name),
        };
    }

    private static Expression? Combine(IEnumerable<Expression?> parts, Func<Expression, Expression, BinaryExpression> join)
    {
        Expression? result = null;
        foreach (var part in parts)
        {
            if (part is null) continue;
            result = result is null ? part : join(result, part);
        }
        return result;
    }

    private static Expression? And(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);

    private static IReadOnlyList<object?> Items(object? value) => value switch
    {
        null => [],
        object?[] array => array,
        IEnumerable<object?> sequence => sequence.ToList(),
        _ => [value],
    };

    private static IReadOnlyDictionary<string, object?> Dict(object? value) =>
        value as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
