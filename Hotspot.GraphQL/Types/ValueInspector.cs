using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Hotspot.GraphQL.Types;

/// <summary>graphql-js's <c>inspect()</c> for .NET values, used in coercion error messages.</summary>
public static class ValueInspector
{
    public static string Inspect(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        double d => InputValues.JsNumber(d),
        float f => InputValues.JsNumber(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable number when IsInteger(value) => number.ToString(null, CultureInfo.InvariantCulture),
        JsonElement element => InspectJson(element),
        IDictionary dictionary => InspectDictionary(dictionary),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Inspect)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    internal static string FormatDouble(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static bool IsInteger(object value) =>
        value is int or long or short or byte or sbyte or ushort or uint or ulong;

    private static string InspectJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "null",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.String => JsonSerializer.Serialize(element.GetString()),
        JsonValueKind.Array => "[" + string.Join(", ", element.EnumerateArray().Select(e => InspectJson(e))) + "]",
        _ => element.EnumerateObject().Any()
            ? "{ " + string.Join(", ", element.EnumerateObject().Select(p => p.Name + ": " + InspectJson(p.Value))) + " }"
            : "{}",
    };

    private static string InspectDictionary(IDictionary dictionary)
    {
        if (dictionary.Count == 0)
        {
            return "{}";
        }

        var parts = new List<string>();
        foreach (DictionaryEntry entry in dictionary)
        {
            parts.Add(entry.Key + ": " + Inspect(entry.Value));
        }

        return "{ " + string.Join(", ", parts) + " }";
    }
}
