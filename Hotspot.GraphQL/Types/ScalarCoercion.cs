using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>
/// The behaviour of a scalar: result coercion (<see cref="Serialize"/>) and input coercion from variables
/// (<see cref="ParseValue"/>) and literals (<see cref="ParseLiteral"/>). The defaults pass values through,
/// like a graphql-js scalar without hooks. Subclass it, or use <see cref="Create"/>, for custom scalars; throw
/// <see cref="Errors.GraphQLCoercionException"/> for values the scalar cannot represent.
/// </summary>
public class ScalarCoercion
{
    /// <summary>Pass-through behaviour for scalars declared in SDL without hooks.</summary>
    public static readonly ScalarCoercion PassThrough = new();

    public virtual object? Serialize(object? value) => value;

    public virtual object? ParseValue(object? value) => value;

    public virtual object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        LiteralValues.Untyped(literal, variables);

    /// <summary>A scalar behaviour from delegates; a missing delegate keeps the pass-through default.</summary>
    public static ScalarCoercion Create(
        Func<object?, object?>? serialize = null,
        Func<object?, object?>? parseValue = null,
        Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?>? parseLiteral = null) =>
        new DelegateScalarCoercion(serialize, parseValue, parseLiteral);

    private sealed class DelegateScalarCoercion(
        Func<object?, object?>? serialize,
        Func<object?, object?>? parseValue,
        Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?>? parseLiteral) : ScalarCoercion
    {
        public override object? Serialize(object? value) => serialize is null ? value : serialize(value);

        public override object? ParseValue(object? value) => parseValue is null ? value : parseValue(value);

        public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
            parseLiteral is null ? base.ParseLiteral(literal, variables) : parseLiteral(literal, variables);
    }
}
