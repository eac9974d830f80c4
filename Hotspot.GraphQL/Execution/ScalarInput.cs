using System.Globalization;
using System.Text.Json;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// Input coercion of scalars and enums (spec 3.5 and 3.9): from a variable's JSON value (ParseValue) and from a
/// literal (ParseLiteral). Built-in scalars give graphql-js's messages; coerced values are int, double, string
/// and bool; enums coerce to their value name.
/// </summary>
internal static class ScalarInput
{
    /// <summary>ParseValue: throws <see cref="GraphQLException"/> with the message graphql-js gives.</summary>
    public static object? ParseValue(ExecutableNamedType type, JsonElement value)
    {
        if (type is ExecutableEnumType enumType) return ParseEnumValue(enumType, value);
        var scalar = (ExecutableScalarType)type;
        switch (scalar.BuiltIn)
        {
            case BuiltInScalar.Int:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var n) || Math.Floor(n) != n || double.IsInfinity(n))
                    throw new GraphQLException("Int cannot represent non-integer value: " + ValueInspector.Inspect(value));
                if (n > int.MaxValue || n < int.MinValue)
                    throw new GraphQLException("Int cannot represent non 32-bit signed integer value: " + ValueInspector.Inspect(value));
                return (int)n;
            case BuiltInScalar.Float:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var f) || !double.IsFinite(f))
                    throw new GraphQLException("Float cannot represent non numeric value: " + ValueInspector.Inspect(value));
                return f;
            case BuiltInScalar.String:
                if (value.ValueKind != JsonValueKind.String)
                    throw new GraphQLException("String cannot represent a non string value: " + ValueInspector.Inspect(value));
                return value.GetString();
            case BuiltInScalar.Boolean:
                if (value.ValueKind == JsonValueKind.True) return true;
                if (value.ValueKind == JsonValueKind.False) return false;
                throw new GraphQLException("Boolean cannot represent a non boolean value: " + ValueInspector.Inspect(value));
            case BuiltInScalar.ID:
                if (value.ValueKind == JsonValueKind.String) return value.GetString();
                if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var id) && Math.Floor(id) == id && double.IsFinite(id))
                    return ValueInspector.FormatNumber(id);
                throw new GraphQLException("ID cannot represent value: " + ValueInspector.Inspect(value));
        }
        return CallHook(scalar, () => scalar.Coercion.ParseValue(value));
    }

    /// <summary>ParseLiteral: returns false when the literal is not valid for the type (graphql-js's undefined).</summary>
    public static bool TryParseLiteral(ExecutableNamedType type, ValueNode node, IReadOnlyDictionary<string, object?>? variables,
        out object? result)
    {
        result = null;
        if (type is ExecutableEnumType enumType)
        {
            if (node is EnumValueNode enumNode && enumType.GetValue(enumNode.Value) is { } enumValue)
            {
                result = enumValue.Name;
                return true;
            }
            return false;
        }
        var scalar = (ExecutableScalarType)type;
        switch (scalar.BuiltIn)
        {
            case BuiltInScalar.Int:
                if (node is IntValueNode intNode && int.TryParse(intNode.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
                {
                    result = i;
                    return true;
                }
                return false;
            case BuiltInScalar.Float:
                string? text = node switch { IntValueNode n => n.Value, FloatValueNode f => f.Value, _ => null };
                if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
                {
                    result = d;
                    return true;
                }
                return false;
            case BuiltInScalar.String:
                if (node is StringValueNode s)
                {
                    result = s.Value;
                    return true;
                }
                return false;
            case BuiltInScalar.Boolean:
                if (node is BooleanValueNode b)
                {
                    result = b.Value;
                    return true;
                }
                return false;
            case BuiltInScalar.ID:
                if (node is StringValueNode idString)
                {
                    result = idString.Value;
                    return true;
                }
                if (node is IntValueNode idInt)
                {
                    result = idInt.Value;
                    return true;
                }
                return false;
        }
        try
        {
            result = scalar.Coercion.ParseLiteral(node, variables);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    private static object? ParseEnumValue(ExecutableEnumType type, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new GraphQLException($"Enum \"{type.Name}\" cannot represent non-string value: {ValueInspector.Inspect(value)}." +
                Suggestions.DidYouMean(value.GetRawText(), type.Values.Select(v => v.Name)));
        var name = value.GetString()!;
        if (type.GetValue(name) is { } enumValue) return enumValue.Name;
        throw new GraphQLException($"Value \"{name}\" does not exist in \"{type.Name}\" enum." +
            Suggestions.DidYouMean(name, type.Values.Select(v => v.Name)));
    }

    private static object? CallHook(ExecutableScalarType scalar, Func<object?> hook)
    {
        object? result;
        try
        {
            result = hook();
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
            throw new GraphQLException($"Expected type \"{scalar.Name}\". {ex.Message}");
        }
        return result ?? throw new GraphQLException($"Expected type \"{scalar.Name}\".");
    }
}
