using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hotspot.GraphQL.Execution;

/// <summary>Prints a value the way graphql-js's <c>inspect</c> does, for error messages about values.</summary>
internal static class ValueInspector
{
    private const int MaxDepth = 2;
    private const int MaxItems = 10;

    public static string Inspect(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (Math.Floor(value) == value && Math.Abs(value) < 1e21) return value.ToString("0", CultureInfo.InvariantCulture);
        return value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
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
            case int or long or short or byte or decimal or uint or ulong:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case IEnumerable<KeyValuePair<string, object?>> map:
                WriteObject(builder, map.Select(p => (p.Key, p.Value)).ToList(), depth);
                return;
            case IEnumerable items and not string:
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
            if (i > 0) builder.Append(", ");
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
            if (i > 0) builder.Append(", ");
            Write(builder, items[i], depth + 1);
        }
        int rest = items.Count - shown;
        if (rest == 1) builder.Append(", ... 1 more item");
        else if (rest > 1) builder.Append(", ... ").Append(rest).Append(" more items");
        builder.Append(']');
    }
}
