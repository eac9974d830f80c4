using System.Globalization;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>
/// <c>Long</c>: a signed 64-bit integer (for amounts, counters and ids too large for <c>Int</c>), serialized as a
/// JSON number. Coercion mirrors <c>Int</c>'s rules with a 64-bit range.
/// </summary>
public sealed class LongCoercion : ScalarCoercion
{
    public override object? Serialize(object? value)
    {
        var coerced = InputValues.Unwrap(value);
        switch (coerced)
        {
            case bool b:
                return b ? 1L : 0L;
            case string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case Enum e:
                return Convert.ToInt64(e, CultureInfo.InvariantCulture);
        }

        return ToLong(coerced);
    }

    public override object? ParseValue(object? value) => ToLong(InputValues.Unwrap(value));

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        if (literal is not IntValueNode node)
        {
            throw new GraphQLCoercionException($"Long cannot represent non-integer value: {Printer.Print(literal)}");
        }

        return long.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new GraphQLCoercionException($"Long cannot represent non 64-bit signed integer value: {node.Value}");
    }

    private static long ToLong(object? value)
    {
        if (!InputValues.TryGetNumber(value, out var number, out var integer) || !InputValues.IsInteger(number))
        {
            throw new GraphQLCoercionException($"Long cannot represent non-integer value: {ValueInspector.Inspect(value)}");
        }

        if (integer is { } exact)
        {
            return exact;
        }

        // Doubles beyond ±2^63 (and ulong above long.MaxValue) do not fit.
        if (number >= -9.2233720368547758E18 && number < 9.2233720368547758E18)
        {
            return (long)number;
        }

        throw new GraphQLCoercionException($"Long cannot represent non 64-bit signed integer value: {ValueInspector.Inspect(value)}");
    }
}
