using System.Globalization;
using System.Text.RegularExpressions;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>
/// Prints a default value the way graphql-js does for SDL and introspection's <c>defaultValue</c>: the literal
/// is coerced by its type and turned back into a literal (<c>astFromValue</c>), so <c>1e3</c> for a Float prints
/// as <c>1000</c>, a block string as a plain string, and input objects list their fields (defaults included)
/// in definition order.
/// </summary>
public static partial class DefaultValuePrinter
{
    /// <summary>The printed default, or null when there is none or it does not coerce (graphql-js then has none).</summary>
    public static string? Print(InputValueDefinition definition) =>
        definition.DefaultValue is not null && Normalize(definition.DefaultValue, definition.Type) is { } normalized
            ? Printer.Print(normalized)
            : null;

    /// <summary>
    /// The literal as graphql-js would re-create it from its coerced value (<c>valueFromAST</c> then
    /// <c>astFromValue</c>), or null when the literal is not a valid value of the type.
    /// </summary>
    public static ValueNode? Normalize(ValueNode literal, GraphQLType type)
    {
        var location = literal.Location;
        if (literal is VariableNode)
        {
            return null;
        }

        if (literal is NullValueNode)
        {
            return type is NonNullType ? null : literal;
        }

        switch (type)
        {
            case NonNullType nonNull:
                return Normalize(literal, nonNull.OfType);
            case ListType list:
                if (literal is not ListValueNode items)
                {
                    return Normalize(literal, list.OfType);
                }

                var values = new List<ValueNode>(items.Values.Count);
                foreach (var item in items.Values)
                {
                    if (Normalize(item, list.OfType) is not { } normalizedItem)
                    {
                        return null;
                    }

                    values.Add(normalizedItem);
                }

                return new ListValueNode(location, values);
            case InputObjectType input:
                if (literal is not ObjectValueNode obj)
                {
                    return null;
                }

                var fields = new List<ObjectFieldNode>();
                foreach (var field in input.Fields)
                {
                    var given = obj.Fields.FirstOrDefault(f => f.Name.Value == field.Name)?.Value;
                    var value = given ?? field.DefaultValue;
                    if (value is null)
                    {
                        if (field.Type is NonNullType)
                        {
                            return null;
                        }

                        continue;
                    }

                    if (Normalize(value, field.Type) is not { } normalizedField)
                    {
                        // An invalid field default leaves the field out; an invalid given value spoils the object.
                        if (given is not null)
                        {
                            return null;
                        }

                        continue;
                    }

                    fields.Add(new ObjectFieldNode(location, new NameNode(location, field.Name), normalizedField));
                }

                if (input.IsOneOf && (fields.Count != 1 || fields[0].Value is NullValueNode))
                {
                    return null;
                }

                return new ObjectValueNode(location, fields);
            case LeafType leaf:
                try
                {
                    var coerced = leaf.ParseLiteral(literal);
                    return FromSerialized(coerced is null ? null : leaf.Serialize(coerced), leaf, literal);
                }
                catch (GraphQLCoercionException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    private static ValueNode FromSerialized(object? serialized, LeafType type, ValueNode original)
    {
        var location = original.Location;
        switch (serialized)
        {
            case null:
                return new NullValueNode(location);
            case bool b:
                return new BooleanValueNode(location, b);
            case string s when type is EnumType:
                return new EnumValueNode(location, s);
            case string s when type is ScalarType { Name: "ID" } && IntegerPattern().IsMatch(s):
                return new IntValueNode(location, s);
            case string s:
                return new StringValueNode(location, s, block: false);
        }

        if (InputValues.TryGetNumber(serialized, out var number, out var integer))
        {
            var text = integer?.ToString(CultureInfo.InvariantCulture) ?? ValueInspector.FormatNumber(number);
            return IntegerPattern().IsMatch(text) ? new IntValueNode(location, text) : new FloatValueNode(location, text);
        }

        return original;
    }

    [GeneratedRegex("^-?(?:0|[1-9][0-9]*)$")]
    private static partial Regex IntegerPattern();
}
