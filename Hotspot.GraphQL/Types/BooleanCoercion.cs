using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>The spec's <c>Boolean</c>, with graphql-js's coercion rules and messages.</summary>
internal sealed class BooleanCoercion : ScalarCoercion
{
    public override object? Serialize(object? value)
    {
        var coerced = InputValues.Unwrap(value);
        if (coerced is bool b)
        {
            return b;
        }

        if (InputValues.TryGetNumber(coerced, out var number, out _) && double.IsFinite(number))
        {
            return number != 0;
        }

        throw new GraphQLCoercionException($"Boolean cannot represent a non boolean value: {ValueInspector.Inspect(coerced)}");
    }

    public override object? ParseValue(object? value) =>
        InputValues.Unwrap(value) is bool b
            ? b
            : throw new GraphQLCoercionException($"Boolean cannot represent a non boolean value: {ValueInspector.Inspect(InputValues.Unwrap(value))}");

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is BooleanValueNode b
            ? b.Value
            : throw new GraphQLCoercionException($"Boolean cannot represent a non boolean value: {Printer.Print(literal)}");
}
