using System.Globalization;
using System.Text.Json;

namespace Hotspot.GraphQL.Types;

/// <summary>Reads variable values the way graphql-js sees JSON: numbers, strings, booleans, null.</summary>
internal static class InputValues
{
    /// <summary>Unwraps a <see cref="JsonElement"/> scalar to a .NET primitive; other values are returned as they are.</summary>
    public static object? Unwrap(object? value) => value is JsonElement element
        ? element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
            _ => element,
        }
        : value;

    /// <summary>A JavaScript-like number: integers exactly, other values as doubles.</summary>
    public static bool TryGetNumber(object? value, out double number, out long? integer)
    {
        integer = null;
        switch (value)
        {
            case int i: integer = i; number = i; return true;
            case long l: integer = l; number = l; return true;
            case short s: integer = s; number = s; return true;
            case byte b: integer = b; number = b; return true;
            case sbyte sb: integer = sb; number = sb; return true;
            case ushort us: integer = us; number = us; return true;
            case uint ui: integer = ui; number = ui; return true;
            case ulong ul: number = ul; if (ul <= long.MaxValue) { integer = (long)ul; } return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m:
                number = (double)m;
                if (decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue)
                {
                    integer = (long)m;
                }

                return true;
            default:
                number = double.NaN;
                return false;
        }
    }

    public static bool IsInteger(double number) => double.IsFinite(number) && Math.Floor(number) == number;

    /// <summary>JavaScript's <c>Number(string)</c> for non-empty strings (decimal notation only).</summary>
    public static double ParseJsNumber(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;
}
