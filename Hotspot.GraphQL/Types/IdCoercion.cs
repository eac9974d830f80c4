using System.Globalization;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>The spec's <c>ID</c>: serialized as a string, accepted as a string or an integer.</summary>
internal sealed class IdCoercion : ScalarCoercion
{
    public override object? Serialize(object? value)
    {
        var coerced = InputValues.Unwrap(value);
        if (coerced is string s)
        {
            return s;
        }

        if (coerced is Guid guid)
        {
            return guid.ToString();
        }

        if (InputValues.TryGetNumber(coerced, out var number, out var integer) && InputValues.IsInteger(number))
        {
            return integer?.ToString(CultureInfo.InvariantCulture) ?? ValueInspector.FormatNumber(number);
        }

        throw new GraphQLCoercionException($"ID cannot represent value: {ValueInspector.Inspect(coerced)}");
    }

    public override object? ParseValue(object? value)
    {
        var input = InputValues.Unwrap(value);
        if (input is string s)
        {
            return s;
        }

        if (InputValues.TryGetNumber(input, out var number, out var integer) && InputValues.IsInteger(number))
        {
            return integer?.ToString(CultureInfo.InvariantCulture) ?? ValueInspector.FormatNumber(number);
        }

        throw new GraphQLCoercionException($"ID cannot represent value: {ValueInspector.Inspect(input)}");
    }

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        StringValueNode s => s.Value,
        IntValueNode i => i.Value,
        _ => throw new GraphQLCoercionException($"ID cannot represent a non-string and non-integer value: {Printer.Print(literal)}"),
    };
}
