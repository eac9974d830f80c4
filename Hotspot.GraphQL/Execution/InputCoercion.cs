using System.Text;
using System.Text.Json;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// Input coercion (spec 3.10/3.11 and graphql-js's <c>coerceInputValue</c> and <c>valueFromAST</c>): JSON values of
/// variables and literals of the document into the CLR shapes resolvers receive: int, double, string, bool,
/// enum value names, <c>Dictionary&lt;string, object?&gt;</c> for input objects (defaults applied, absent fields
/// missing), <c>object?[]</c> for lists (a single value becomes a one-item list), and whatever custom scalar hooks return.
/// </summary>
internal static class InputCoercion
{
    /// <summary>Reports one invalid part of a JSON input: its path from the root value, the value, the reason.</summary>
    public delegate void ErrorSink(IReadOnlyList<object> path, JsonElement invalidValue, string message);

    /// <summary>coerceInputValue: returns the coerced value; every problem is reported to <paramref name="onError"/>.</summary>
    public static object? CoerceInputValue(JsonElement value, ExecutableTypeRef type, ErrorSink onError) =>
        Coerce(value, type, new List<object>(), onError);

    private static object? Coerce(JsonElement value, ExecutableTypeRef type, List<object> path, ErrorSink onError)
    {
        if (type.IsNonNull)
        {
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                onError(path.ToArray(), value, $"Expected non-nullable type \"{type}\" not to be null.");
                return null;
            }
            return Coerce(value, type.OfType!, path, onError);
        }
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (type.IsList)
        {
            var itemType = type.OfType!;
            if (value.ValueKind != JsonValueKind.Array) return new[] { Coerce(value, itemType, path, onError) };
            var items = new object?[value.GetArrayLength()];
            int index = 0;
            foreach (var item in value.EnumerateArray())
            {
                path.Add(index);
                items[index] = Coerce(item, itemType, path, onError);
                path.RemoveAt(path.Count - 1);
                index++;
            }
            return items;
        }
        var named = type.Named!;
        if (named is ExecutableInputObjectType inputType) return CoerceInputObject(value, inputType, path, onError);
        try
        {
            return ScalarInput.ParseValue(named, value);
        }
        catch (GraphQLException ex)
        {
            onError(path.ToArray(), value, ex.Message);
            return null;
        }
    }

    private static object? CoerceInputObject(JsonElement value, ExecutableInputObjectType type, List<object> path, ErrorSink onError)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            onError(path.ToArray(), value, $"Expected type \"{type.Name}\" to be an object.");
            return null;
        }
        var result = new Dictionary<string, object?>(type.Fields.Length, StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!value.TryGetProperty(field.Name, out var fieldValue))
            {
                if (field.HasDefault) result[field.Name] = field.DefaultValue;
                else if (field.Type.IsNonNull)
                    onError(path.ToArray(), value, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                continue;
            }
            path.Add(field.Name);
            result[field.Name] = Coerce(fieldValue, field.Type, path, onError);
            path.RemoveAt(path.Count - 1);
        }
        foreach (var property in value.EnumerateObject())
        {
            if (type.FieldMap.ContainsKey(property.Name)) continue;
            onError(path.ToArray(), value, $"Field \"{property.Name}\" is not defined by type \"{type.Name}\"." +
                Suggestions.DidYouMean(property.Name, type.Fields.Select(f => f.Name)));
        }
        if (type.IsOneOf)
        {
            if (result.Count != 1)
            {
                onError(path.ToArray(), value, $"Exactly one key must be specified for OneOf type \"{type.Name}\".");
            }
            else
            {
                foreach (var pair in result)
                {
                    if (pair.Value is not null) continue;
                    var fieldPath = new List<object>(path) { pair.Key };
                    onError(fieldPath, default, $"Field \"{pair.Key}\" must be non-null.");
                }
            }
        }
        return result;
    }

    /// <summary>
    /// valueFromAST: a literal (possibly holding variables) coerced to <paramref name="type"/>; false when invalid.
    /// <paramref name="variables"/> null means a constant context (defaults in the schema).
    /// </summary>
    public static bool TryValueFromAst(ValueNode node, ExecutableTypeRef type, IReadOnlyDictionary<string, object?>? variables,
        out object? result)
    {
        result = null;
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue)) return false;
            if (variableValue is null && type.IsNonNull) return false;
            result = variableValue;
            return true;
        }
        if (type.IsNonNull)
        {
            if (node is NullValueNode) return false;
            return TryValueFromAst(node, type.OfType!, variables, out result);
        }
        if (node is NullValueNode) return true;
        if (type.IsList)
        {
            var itemType = type.OfType!;
            if (node is ListValueNode list)
            {
                var items = new object?[list.Values.Count];
                for (int i = 0; i < items.Length; i++)
                {
                    var itemNode = list.Values[i];
                    if (IsMissingVariable(itemNode, variables))
                    {
                        if (itemType.IsNonNull) return false;
                        items[i] = null;
                        continue;
                    }
                    if (!TryValueFromAst(itemNode, itemType, variables, out items[i])) return false;
                }
                result = items;
                return true;
            }
            if (!TryValueFromAst(node, itemType, variables, out var single)) return false;
            result = new[] { single };
            return true;
        }
        var named = type.Named!;
        if (named is ExecutableInputObjectType inputType)
        {
            if (node is not ObjectValueNode obj) return false;
            var fields = new Dictionary<string, object?>(inputType.Fields.Length, StringComparer.Ordinal);
            foreach (var field in inputType.Fields)
            {
                ObjectFieldNode? fieldNode = null;
                foreach (var candidate in obj.Fields)
                {
                    if (candidate.Name.Value == field.Name)
                    {
                        fieldNode = candidate;
                        break;
                    }
                }
                if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
                {
                    if (field.HasDefault) fields[field.Name] = field.DefaultValue;
                    else if (field.Type.IsNonNull) return false;
                    continue;
                }
                if (!TryValueFromAst(fieldNode.Value, field.Type, variables, out var fieldValue)) return false;
                fields[field.Name] = fieldValue;
            }
            if (inputType.IsOneOf)
            {
                if (fields.Count != 1) return false;
                foreach (var pair in fields)
                    if (pair.Value is null) return false;
            }
            result = fields;
            return true;
        }
        return ScalarInput.TryParseLiteral(named, node, variables, out result);
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));

    /// <summary>graphql-js's printPathArray: <c>.field[0].other</c>.</summary>
    public static string PrintPath(IReadOnlyList<object> path)
    {
        var builder = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment is int index) builder.Append('[').Append(index).Append(']');
            else builder.Append('.').Append(segment);
        }
        return builder.ToString();
    }
}
