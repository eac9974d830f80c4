using System.Globalization;
using System.Text.Json;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// Result coercion of leaves (spec 3.5 CoerceResult, graphql-js's <c>serialize</c>): a resolver's value, CLR or
/// JSON, becomes a <see cref="ResultValue"/>; a value the type cannot represent throws a
/// <see cref="GraphQLException"/> with graphql-js's message, which the executor turns into a field error.
/// </summary>
internal static class LeafSerializer
{
    public static ResultValue Serialize(ExecutableNamedType type, object value)
    {
        if (type is ExecutableEnumType enumType) return SerializeEnum(enumType, value);
        var scalar = (ExecutableScalarType)type;
        switch (scalar.BuiltIn)
        {
            case BuiltInScalar.Int: return SerializeInt(value);
            case BuiltInScalar.Float: return SerializeFloat(value);
            case BuiltInScalar.String: return SerializeString(value);
            case BuiltInScalar.Boolean: return SerializeBoolean(value);
            case BuiltInScalar.ID: return SerializeId(value);
        }
        object? serialized;
        {
            try
            {
                serialized = scalar.Coercion.Serialize(value);
            }
            catch (GraphQLException)
            {
                throw;
            }
            catch (Errors.GraphQLCoercionException ex)
            {
                throw new GraphQLException(ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new GraphQLException($"{scalar.Name} cannot represent value: {ValueInspector.Inspect(value)}. {ex.Message}");
            }
        }
        return FromPlain(serialized);
    }

    /// <summary>
    /// The common cases of JSON data (a number for Int, a string for String...) without boxing the element;
    /// everything else goes through <see cref="Serialize"/>.
    /// </summary>
    public static ResultValue SerializeJson(ExecutableNamedType type, JsonElement json)
    {
        if (type is ExecutableScalarType scalar)
        {
            switch (scalar.BuiltIn)
            {
                case BuiltInScalar.String when json.ValueKind == JsonValueKind.String:
                    return ResultValue.FromString(json.GetString()!);
                case BuiltInScalar.Int when json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var i):
                    return ResultValue.FromInt(i);
                case BuiltInScalar.Float when json.ValueKind == JsonValueKind.Number:
                    return ResultValue.FromFloat(json.GetDouble());
                case BuiltInScalar.Boolean when json.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    return ResultValue.FromBoolean(json.ValueKind == JsonValueKind.True);
                case BuiltInScalar.ID when json.ValueKind == JsonValueKind.String:
                    return ResultValue.FromString(json.GetString()!);
            }
        }
        return Serialize(type, json);
    }

    /// <summary>A plain CLR or JSON value as a result leaf (custom scalars).</summary>
    public static ResultValue FromPlain(object? value) => value switch
    {
        null => ResultValue.Null,
        string s => ResultValue.FromString(s),
        bool b => ResultValue.FromBoolean(b),
        int i => ResultValue.FromInt(i),
        long l => ResultValue.FromInt(l),
        short or byte or sbyte or ushort or uint => ResultValue.FromInt(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double d => ResultValue.FromFloat(d),
        float f => ResultValue.FromFloat(f),
        decimal m => ResultValue.FromJson(JsonSerializer.SerializeToElement(m)),
        JsonElement json => ResultValue.FromJson(json),
        DateTimeOffset dto => ResultValue.FromString(dto.ToString("O", CultureInfo.InvariantCulture)),
        DateTime dt => ResultValue.FromString(dt.ToString("O", CultureInfo.InvariantCulture)),
        Guid g => ResultValue.FromString(g.ToString()),
        Enum e => ResultValue.FromString(e.ToString()),
        _ => ResultValue.FromJson(JsonSerializer.SerializeToElement(value, value.GetType())),
    };

    private static ResultValue SerializeInt(object value)
    {
        double number;
        switch (value)
        {
            case int i: return ResultValue.FromInt(i);
            case short or byte or sbyte or ushort: return ResultValue.FromInt(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case long l:
                if (l > int.MaxValue || l < int.MinValue) throw NonInt32(value);
                return ResultValue.FromInt(l);
            case uint ui:
                if (ui > int.MaxValue) throw NonInt32(value);
                return ResultValue.FromInt(ui);
            case bool b: return ResultValue.FromInt(b ? 1 : 0);
            case double d: number = d; break;
            case float f: number = f; break;
            case decimal m: number = (double)m; break;
            case string s when s.Length > 0 && TryParseJsNumber(s, out var parsed): number = parsed; break;
            case JsonElement json:
                switch (json.ValueKind)
                {
                    case JsonValueKind.Number:
                        if (json.TryGetInt32(out var i32)) return ResultValue.FromInt(i32);
                        number = json.GetDouble();
                        break;
                    case JsonValueKind.True: return ResultValue.FromInt(1);
                    case JsonValueKind.False: return ResultValue.FromInt(0);
                    case JsonValueKind.String when json.GetString() is { Length: > 0 } text && TryParseJsNumber(text, out var p):
                        number = p;
                        break;
                    default: throw NonInteger(value);
                }
                break;
            default: throw NonInteger(value);
        }
        if (Math.Floor(number) != number || !double.IsFinite(number)) throw NonInteger(value);
        if (number > int.MaxValue || number < int.MinValue) throw NonInt32(value);
        return ResultValue.FromInt((long)number);
    }

    private static GraphQLException NonInteger(object value) =>
        new("Int cannot represent non-integer value: " + ValueInspector.Inspect(value));

    private static GraphQLException NonInt32(object value) =>
        new("Int cannot represent non 32-bit signed integer value: " + ValueInspector.Inspect(value));

    private static ResultValue SerializeFloat(object value)
    {
        double number;
        switch (value)
        {
            case double d: number = d; break;
            case float f: number = f; break;
            case int i: return ResultValue.FromFloat(i);
            case long l: return ResultValue.FromFloat(l);
            case decimal m: number = (double)m; break;
            case short or byte or sbyte or ushort or uint or ulong: number = Convert.ToDouble(value, CultureInfo.InvariantCulture); break;
            case bool b: return ResultValue.FromFloat(b ? 1 : 0);
            case string s when s.Length > 0 && TryParseJsNumber(s, out var parsed): number = parsed; break;
            case JsonElement json:
                switch (json.ValueKind)
                {
                    case JsonValueKind.Number: number = json.GetDouble(); break;
                    case JsonValueKind.True: return ResultValue.FromFloat(1);
                    case JsonValueKind.False: return ResultValue.FromFloat(0);
                    case JsonValueKind.String when json.GetString() is { Length: > 0 } text && TryParseJsNumber(text, out var p):
                        number = p;
                        break;
                    default: throw NonNumeric(value);
                }
                break;
            default: throw NonNumeric(value);
        }
        if (!double.IsFinite(number)) throw NonNumeric(value);
        return ResultValue.FromFloat(number);
    }

    private static GraphQLException NonNumeric(object value) =>
        new("Float cannot represent non numeric value: " + ValueInspector.Inspect(value));

    private static ResultValue SerializeString(object value)
    {
        switch (value)
        {
            case string s: return ResultValue.FromString(s);
            case bool b: return ResultValue.FromString(b ? "true" : "false");
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                return ResultValue.FromString(Convert.ToString(value, CultureInfo.InvariantCulture)!);
            case double d when double.IsFinite(d): return ResultValue.FromString(ValueInspector.FormatNumber(d));
            case float f when float.IsFinite(f): return ResultValue.FromString(ValueInspector.FormatNumber(f));
            case decimal m: return ResultValue.FromString(m.ToString(CultureInfo.InvariantCulture));
            case Guid g: return ResultValue.FromString(g.ToString());
            case Enum e: return ResultValue.FromString(e.ToString());
            case DateTimeOffset dto: return ResultValue.FromString(dto.ToString("O", CultureInfo.InvariantCulture));
            case DateTime dt: return ResultValue.FromString(dt.ToString("O", CultureInfo.InvariantCulture));
            case JsonElement json:
                switch (json.ValueKind)
                {
                    case JsonValueKind.String: return ResultValue.FromString(json.GetString()!);
                    case JsonValueKind.True: return ResultValue.FromString("true");
                    case JsonValueKind.False: return ResultValue.FromString("false");
                    case JsonValueKind.Number: return ResultValue.FromString(ValueInspector.FormatNumber(json.GetDouble()));
                }
                break;
        }
        throw new GraphQLException("String cannot represent value: " + ValueInspector.Inspect(value));
    }

    private static ResultValue SerializeBoolean(object value)
    {
        switch (value)
        {
            case bool b: return ResultValue.FromBoolean(b);
            case int i: return ResultValue.FromBoolean(i != 0);
            case long l: return ResultValue.FromBoolean(l != 0);
            case double d when double.IsFinite(d): return ResultValue.FromBoolean(d != 0);
            case JsonElement json:
                switch (json.ValueKind)
                {
                    case JsonValueKind.True: return ResultValue.True;
                    case JsonValueKind.False: return ResultValue.False;
                    case JsonValueKind.Number: return ResultValue.FromBoolean(json.GetDouble() != 0);
                }
                break;
        }
        throw new GraphQLException("Boolean cannot represent a non boolean value: " + ValueInspector.Inspect(value));
    }

    private static ResultValue SerializeId(object value)
    {
        switch (value)
        {
            case string s: return ResultValue.FromString(s);
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                return ResultValue.FromString(Convert.ToString(value, CultureInfo.InvariantCulture)!);
            case Guid g: return ResultValue.FromString(g.ToString());
            case double d when Math.Floor(d) == d && double.IsFinite(d): return ResultValue.FromString(ValueInspector.FormatNumber(d));
            case JsonElement json:
                if (json.ValueKind == JsonValueKind.String) return ResultValue.FromString(json.GetString()!);
                if (json.ValueKind == JsonValueKind.Number)
                {
                    if (json.TryGetInt64(out var l)) return ResultValue.FromString(l.ToString(CultureInfo.InvariantCulture));
                    var n = json.GetDouble();
                    if (Math.Floor(n) == n && double.IsFinite(n)) return ResultValue.FromString(ValueInspector.FormatNumber(n));
                }
                break;
        }
        throw new GraphQLException("ID cannot represent value: " + ValueInspector.Inspect(value));
    }

    private static ResultValue SerializeEnum(ExecutableEnumType type, object value)
    {
        string? name = value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
            Enum e => e.ToString(),
            _ => null,
        };
        if (name is not null)
        {
            if (type.GetValue(name) is { } exact) return ResultValue.FromString(exact.Name);
            if (value is Enum && type.LooseValueMap.TryGetValue(name, out var loose)) return ResultValue.FromString(loose.Name);
        }
        throw new GraphQLException($"Enum \"{type.Name}\" cannot represent value: {ValueInspector.Inspect(value is Enum ? name : value)}");
    }

    // JavaScript's Number(string) for the cases that matter: decimal text with optional exponent, surrounding spaces.
    private static bool TryParseJsNumber(string text, out double number) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
}
