using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hotspot.GraphQL.Types;

/// <summary>
/// graphql-js's <c>inspect()</c> for .NET values, used in coercion and execution error messages: strings quoted,
/// numbers as JavaScript prints them, lists and objects nested at most two levels and ten items deep.
/// </summary>
public static class ValueInspector
{
    private const int MaxDepth = 2;
    private const int MaxItems = 10;

    public static string Inspect(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    /// <summary>JavaScript's <c>String(number)</c>: <c>1</c>, <c>1.5</c>, <c>1e+21</c>, <c>NaN</c>.</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) < 1e21)
        {
            return ((decimal)value).ToString(CultureInfo.InvariantCulture);
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        return text[..e] + "e" + (exponent >= 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    private static void Write(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case JsonElement json:
                WriteJson(builder, json, depth);
                return;
            case string s:
                builder.Append(JsonSerializer.Serialize(s));
                return;
            case bool b:
                builder.Append(b ? "true" : "false");
                return;
            case double d:
                builder.Append(FormatNumber(d));
                return;
            case float f:
                builder.Append(FormatNumber(f));
                return;
            case int or long or short or byte or sbyte or ushort or uint or ulong or decimal:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case IEnumerable<KeyValuePair<string, object?>> map:
                WriteObject(builder, map.Select(p => (p.Key, p.Value)).ToList(), depth);
                return;
            case IDictionary dictionary:
                WriteObject(builder, dictionary.Cast<DictionaryEntry>().Select(e => (e.Key.ToString() ?? "", e.Value)).ToList(), depth);
                return;
            case IEnumerable items:
                WriteArray(builder, items.Cast<object?>().ToList(), depth);
                return;
            default:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }

    private static void WriteJson(StringBuilder builder, JsonElement json, int depth)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                builder.Append(JsonSerializer.Serialize(json.GetString()));
                break;
            case JsonValueKind.Number:
                builder.Append(json.TryGetDouble(out var d) ? FormatNumber(d) : json.GetRawText());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Object:
                WriteObject(builder, json.EnumerateObject().Select(p => (p.Name, (object?)p.Value)).ToList(), depth);
                break;
            case JsonValueKind.Array:
                WriteArray(builder, json.EnumerateArray().Select(e => (object?)e).ToList(), depth);
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, List<(string Key, object? Value)> entries, int depth)
    {
        if (entries.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        if (depth >= MaxDepth)
        {
            builder.Append("[Object]");
            return;
        }

        builder.Append("{ ");
        for (int i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(entries[i].Key).Append(": ");
            Write(builder, entries[i].Value, depth + 1);
        }

        builder.Append(" }");
    }

    private static void WriteArray(StringBuilder builder, List<object?> items, int depth)
    {
        if (items.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        if (depth >= MaxDepth)
        {
            builder.Append("[Array]");
            return;
        }

        builder.Append('[');
        int shown = Math.Min(items.Count, MaxItems);
        for (int i = 0; i < shown; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Write(builder, items[i], depth + 1);
        }

        int rest = items.Count - shown;
        if (rest == 1)
        {
            builder.Append(", ... 1 more item");
        }
        else if (rest > 1)
        {
            builder.Append(", ... ").Append(rest).Append(" more items");
        }

        builder.Append(']');
    }
}
