using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>The spec's <c>Int</c>: a signed 32-bit integer, with graphql-js's coercion rules and messages.</summary>
internal sealed class IntCoercion : ScalarCoercion
{
    public override object? Serialize(object? value)
    {
        var coerced = InputValues.Unwrap(value);
        double number;
        switch (coerced)
        {
            case bool b:
                return b ? 1 : 0;
            case string s when s.Length > 0:
                number = InputValues.ParseJsNumber(s);
                break;
            case Enum e:
                number = Convert.ToDouble(e, System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                if (!InputValues.TryGetNumber(coerced, out number, out var integer))
                {
                    throw NonInteger(coerced);
                }

                if (integer is { } exact)
                {
                    return exact is >= int.MinValue and <= int.MaxValue ? (int)exact : throw OutOfRange(coerced);
                }

                break;
        }

        if (!InputValues.IsInteger(number))
        {
            throw NonInteger(coerced);
        }

        return number is >= int.MinValue and <= int.MaxValue ? (int)number : throw OutOfRange(coerced);
    }

    public override object? ParseValue(object? value)
    {
        var input = InputValues.Unwrap(value);
        if (!InputValues.TryGetNumber(input, out var number, out var integer) || !InputValues.IsInteger(number))
        {
            throw NonInteger(input);
        }

        if (integer is { } exact ? exact is < int.MinValue or > int.MaxValue : number is < int.MinValue or > int.MaxValue)
        {
            throw new GraphQLCoercionException(
                $"Int cannot represent non 32-bit signed integer value: {(integer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ValueInspector.FormatNumber(number))}");
        }

        return integer is { } i ? (int)i : (int)number;
    }

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        if (literal is not IntValueNode node)
        {
            throw new GraphQLCoercionException($"Int cannot represent non-integer value: {Printer.Print(literal)}");
        }

        if (!int.TryParse(node.Value, System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var result))
        {
            throw new GraphQLCoercionException($"Int cannot represent non 32-bit signed integer value: {node.Value}");
        }

        return result;
    }

    private static GraphQLCoercionException NonInteger(object? value) =>
        new($"Int cannot represent non-integer value: {ValueInspector.Inspect(value)}");

    private static GraphQLCoercionException OutOfRange(object? value) =>
        new($"Int cannot represent non 32-bit signed integer value: {ValueInspector.Inspect(value)}");
}
