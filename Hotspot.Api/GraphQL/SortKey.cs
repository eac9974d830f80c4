using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// One key of a connection's order, in the form both databases sort and compare alike: the member itself for
/// numbers, times, strings and ids; a rank (an int) for enums and booleans, whose stored forms (names, 0/1) would
/// otherwise sort by the database's collation. A nullable key puts nulls first when ascending, on SQLite and
/// PostgreSQL alike (they disagree by default), by ordering on "has a value" before the value.
/// </summary>
public sealed class SortKey
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private readonly ParameterExpression _parameter;
    private readonly Expression _key;
    private readonly Func<object, object?> _read;

    private SortKey(string name, bool descending, LambdaExpression comparable)
    {
        Name = name;
        Descending = descending;
        _parameter = comparable.Parameters[0];
        _key = comparable.Body;
        Nullable = !_key.Type.IsValueType || System.Nullable.GetUnderlyingType(_key.Type) is not null;
        // A typed reader (object in, boxed key out): Delegate.DynamicInvoke goes through reflection on every cursor,
        // and its invoke stubs are built again whenever the runtime drops its reflection caches.
        var entity = Expression.Parameter(typeof(object), "entity");
        var read = Expression.Invoke(comparable, Expression.Convert(entity, _parameter.Type));
        _read = Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), entity).Compile();
        OrderTerms = Nullable
            ? [Expression.Lambda(Expression.Condition(IsNull(_key), Expression.Constant(0), Expression.Constant(1)), _parameter), Expression.Lambda(_key, _parameter)]
            : [Expression.Lambda(_key, _parameter)];
    }

    public string Name { get; }
    public bool Descending { get; }
    public bool Nullable { get; }

    /// <summary>The key of <paramref name="field"/>, ranking enums in declaration order and false before true.</summary>
    public static SortKey For(string name, FilterField field, bool descending)
    {
        var member = field.Member;
        var body = member.Body;
        var type = System.Nullable.GetUnderlyingType(body.Type) ?? body.Type;
        if (type.IsEnum || type == typeof(bool))
        {
            object[] values = type == typeof(bool) ? [false, true] : Enum.GetValues(type).Cast<object>().ToArray();
            // Innermost first: a value outside the list (or null) ranks -1.
            Expression rank = Expression.Constant(-1);
            for (var i = values.Length - 1; i >= 0; i--)
                rank = Expression.Condition(Expression.Equal(body, Expression.Constant(values[i], body.Type)), Expression.Constant(i), rank);
            return new SortKey(name, descending, Expression.Lambda(rank, member.Parameters));
        }
        return new SortKey(name, descending, member);
    }

    /// <summary>The tie-breaker that makes every position unique: the row id, ascending.</summary>
    public static SortKey Id<T>(Expression<Func<T, Guid>> id) => new("id", false, id);

    public Type ValueType => _key.Type;

    /// <summary>The expressions to order by, in order, each a lambda over the entity (built once per key).</summary>
    public IReadOnlyList<LambdaExpression> OrderTerms { get; }

    /// <summary>This key of an entity, as a cursor stores it.</summary>
    public JsonNode? Encode(object entity) => _read(entity) switch
    {
        null => null,
        DateTime time => JsonValue.Create(DateTime.SpecifyKind(time, DateTimeKind.Utc).Ticks),
        Guid guid => JsonValue.Create(guid.ToString("D")),
        string text => JsonValue.Create(text),
        long number => JsonValue.Create(number),
        int number => JsonValue.Create(number),
        var other => throw new InvalidOperationException($"Sort key {Name} of type {other.GetType().Name} has no cursor form."),
    };

    /// <summary>Reads this key back from a cursor; false when the value is not one this key can hold.</summary>
    public bool TryDecode(JsonElement element, out object? value)
    {
        value = null;
        if (element.ValueKind == JsonValueKind.Null)
            return Nullable;
        var type = System.Nullable.GetUnderlyingType(ValueType) ?? ValueType;
        if (type == typeof(string) && element.ValueKind == JsonValueKind.String)
            value = element.GetString();
        else if (type == typeof(Guid) && element.ValueKind == JsonValueKind.String && Guid.TryParse(element.GetString(), out var guid))
            value = guid;
        else if (type == typeof(long) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number))
            value = number;
        else if (type == typeof(int) && element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var rank))
            value = rank;
        else if (type == typeof(DateTime) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var ticks)
                 && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks)
            value = new DateTime(ticks, DateTimeKind.Utc);
        return value is not null;
    }

    /// <summary>
    /// Rows whose key lies beyond <paramref name="value"/> in the direction of travel: later in this key's order when
    /// <paramref name="forward"/>, earlier otherwise. Nulls are the smallest values. Never null in SQL, so the
    /// result can be negated or combined safely.
    /// </summary>
    public Expression Beyond(ParameterExpression entity, object? value, bool forward)
    {
        var key = Rebind(entity);
        var larger = forward != Descending;
        if (value is null)
            return larger ? IsNotNull(key) : Expression.Constant(false);
        var compared = Compare(key, Parameter(value), larger);
        if (!Nullable) return compared;
        return larger
            ? Expression.AndAlso(IsNotNull(key), compared)
            : Expression.OrElse(IsNull(key), Expression.AndAlso(IsNotNull(key), compared));
    }

    /// <summary>Rows whose key equals <paramref name="value"/> (null equals null).</summary>
    public Expression Equal(ParameterExpression entity, object? value)
    {
        var key = Rebind(entity);
        if (value is null)
            return IsNull(key);
        var equal = Expression.Equal(key, Parameter(value));
        return Nullable ? Expression.AndAlso(IsNotNull(key), equal) : equal;
    }

    private static Expression Compare(Expression key, Expression value, bool larger)
    {
        if (key.Type == typeof(string))
        {
            var comparison = Expression.Call(StringCompare, key, value);
            return larger ? Expression.GreaterThan(comparison, Expression.Constant(0)) : Expression.LessThan(comparison, Expression.Constant(0));
        }
        return larger ? Expression.GreaterThan(key, value) : Expression.LessThan(key, value);
    }

    /// <summary>A value read through a closure-like holder, so EF sends it as a parameter and reuses the query plan.</summary>
    private Expression Parameter(object value)
    {
        var holder = Activator.CreateInstance(typeof(ValueHolder<>).MakeGenericType(ValueType), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(ValueHolder<int>.Value));
    }

    private Expression Rebind(ParameterExpression entity) => new ParameterSwap(_parameter, entity).Visit(_key);

    private static Expression IsNull(Expression key) => Expression.Equal(key, Expression.Constant(null, key.Type));

    private static Expression IsNotNull(Expression key) => Expression.NotEqual(key, Expression.Constant(null, key.Type));

    private sealed record ValueHolder<TValue>(TValue Value);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
