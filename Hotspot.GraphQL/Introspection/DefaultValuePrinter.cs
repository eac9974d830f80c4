using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Introspection;

/// <summary>
/// Prints a coerced default value back as a GraphQL literal for introspection's <c>defaultValue</c>, the way
/// graphql-js does (<c>print(astFromValue(value, type))</c>): floats that are whole print as ints, IDs that look
/// like integers print unquoted, input objects list only the fields they hold.
/// </summary>
internal static class DefaultValuePrinter
{
    public static string? Print(object? value, ExecutableTypeRef type)
    {
        var builder = new StringBuilder();
        return Write(builder, value, type) ? builder.ToString() : null;
    }

    private static bool Write(StringBuilder builder, object? value, ExecutableTypeRef type)
    {
        if (type.IsNonNull)
        {
            if (value is null) return false;
            return Write(builder, value, type.OfType!);
        }
        if (value is null)
        {
            builder.Append("null");
            return true;
        }
        if (type.IsList)
        {
            if (value is IList list)
            {
                builder.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0) builder.Append(", ");
                    if (!Write(builder, list[i], type.OfType!)) return false;
                }
                builder.Append(']');
                return true;
            }
            return Write(builder, value, type.OfType!);
        }
        switch (type.Named)
        {
            case ExecutableInputObjectType input:
                if (value is not IReadOnlyDictionary<string, object?> fields) return false;
                builder.Append('{');
                bool first = true;
                foreach (var field in input.Fields)
                {
                    if (!fields.TryGetValue(field.Name, out var fieldValue)) continue;
                    builder.Append(first ? "" : ", ").Append(field.Name).Append(": ");
                    first = false;
                    if (!Write(builder, fieldValue, field.Type)) return false;
                }
                builder.Append('}');
                return true;
            case ExecutableEnumType:
                builder.Append(value);
                return true;
            case ExecutableScalarType scalar:
                return WriteScalar(builder, value, scalar);
        }
        return false;
    }

    private static bool WriteScalar(StringBuilder builder, object value, ExecutableScalarType scalar)
    {
        object? serialized = value;
        if (scalar.BuiltIn == BuiltInScalar.None)
        {
            try
            {
                serialized = scalar.Coercion.Serialize(value);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return false;
            }
        }
        if (scalar.BuiltIn == BuiltInScalar.ID && serialized is string id && IsIntegerText(id))
        {
            builder.Append(id);
            return true;
        }
        return WritePlain(builder, serialized);
    }

    private static bool WritePlain(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return true;
            case string s:
                builder.Append(Printer.PrintString(s));
                return true;
            case bool b:
                builder.Append(b ? "true" : "false");
                return true;
            case int or long or short or byte:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return true;
            case double d:
                builder.Append(ValueInspector.FormatNumber(d));
                return true;
            case JsonElement json:
                return WritePlain(builder, JsonToPlain(json));
            case IReadOnlyDictionary<string, object?> map:
                builder.Append('{');
                bool first = true;
                foreach (var pair in map)
                {
                    builder.Append(first ? "" : ", ").Append(pair.Key).Append(": ");
                    first = false;
                    if (!WritePlain(builder, pair.Value)) return false;
                }
                builder.Append('}');
                return true;
            case IList list:
                builder.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0) builder.Append(", ");
                    if (!WritePlain(builder, list[i])) return false;
                }
                builder.Append(']');
                return true;
        }
        builder.Append(Printer.PrintString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        return true;
    }

    private static object? JsonToPlain(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => json.EnumerateArray().Select(JsonToPlain).ToArray(),
        JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => JsonToPlain(p.Value)),
        _ => null,
    };

    private static bool IsIntegerText(string text)
    {
        if (text.Length == 0) return false;
        int start = text[0] == '-' ? 1 : 0;
        if (start == text.Length) return false;
        if (text[start] == '0' && text.Length > start + 1) return false;
        for (int i = start; i < text.Length; i++)
            if (text[i] < '0' || text[i] > '9') return false;
        return true;
    }
}
