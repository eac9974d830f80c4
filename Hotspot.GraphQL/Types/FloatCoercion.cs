using System.Globalization;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>The spec's <c>Float</c>: a finite double, with graphql-js's coercion rules and messages.</summary>
internal sealed class FloatCoercion : ScalarCoercion
{
    public override object? Serialize(object? value)
    {
        var coerced = InputValues.Unwrap(value);
        double number;
        switch (coerced)
        {
            case bool b:
                return b ? 1d : 0d;
            case string s when s.Length > 0:
                number = InputValues.ParseJsNumber(s);
                break;
            default:
                if (!InputValues.TryGetNumber(coerced, out number, out _))
                {
                    throw NonNumeric(coerced);
                }

                break;
        }

        return double.IsFinite(number) ? number : throw NonNumeric(coerced);
    }

    public override object? ParseValue(object? value)
    {
        var input = InputValues.Unwrap(value);
        if (!InputValues.TryGetNumber(input, out var number, out _) || !double.IsFinite(number))
        {
            throw NonNumeric(input);
        }

        return number;
    }

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        IntValueNode i => double.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new GraphQLCoercionException($"Float cannot represent non numeric value: {Printer.Print(literal)}"),
    };

    private static GraphQLCoercionException NonNumeric(object? value) =>
        new($"Float cannot represent non numeric value: {ValueInspector.Inspect(value)}");
}
