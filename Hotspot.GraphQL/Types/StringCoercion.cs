using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>The spec's <c>String</c>, with graphql-js's coercion rules and messages.</summary>
internal sealed class StringCoercion : ScalarCoercion
{
    public override object? Serialize(object? value)
    {
        var coerced = InputValues.Unwrap(value);
        switch (coerced)
        {
            case string s:
                return s;
            case bool b:
                return b ? "true" : "false";
            case char or Guid or Uri or Enum:
                return coerced.ToString();
        }

        if (InputValues.TryGetNumber(coerced, out var number, out var integer) && double.IsFinite(number))
        {
            return integer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ValueInspector.FormatNumber(number);
        }

        throw new GraphQLCoercionException($"String cannot represent value: {ValueInspector.Inspect(coerced)}");
    }

    public override object? ParseValue(object? value) =>
        InputValues.Unwrap(value) is string s
            ? s
            : throw new GraphQLCoercionException($"String cannot represent a non string value: {ValueInspector.Inspect(InputValues.Unwrap(value))}");

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is StringValueNode s
            ? s.Value
            : throw new GraphQLCoercionException($"String cannot represent a non string value: {Printer.Print(literal)}");
}
