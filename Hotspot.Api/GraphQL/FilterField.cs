using System.Linq.Expressions;

namespace Hotspot.Api.GraphQL;

/// <summary>What kind of operator input a filterable field takes.</summary>
public enum FilterKind
{
    String,
    Long,
    DateTime,
    Boolean,
    Id,
    Enum,
}

/// <summary>
/// One field of a <c>XFilterInput</c> or <c>XSortInput</c>: the entity member it reads and, for enums, how GraphQL
/// names map to the CLR values stored.
/// </summary>
public sealed record FilterField(LambdaExpression Member, FilterKind Kind, Func<string, object>? EnumValue = null)
{
    public static FilterField Of<T, TValue>(Expression<Func<T, TValue>> member, FilterKind kind, Func<string, object>? enumValue = null) =>
        new(member, kind, enumValue);
}
