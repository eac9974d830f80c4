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
    public static string? Print(InputValueDefinition definition) =>
        definition.DefaultValue is null ? null : Printer.Print(Normalize(definition.DefaultValue, definition.Type));

    /// <summary>The literal as graphql-js would re-create it from its coerced value.</summary>
    public static ValueNode Normalize(ValueNode literal, GraphQLType type)
    {
        var location = literal.Location;
        if (literal is NullValueNode or VariableNode)
        {
            return literal;
        }

        switch (type)
        {
            case NonNullType nonNull:
                return Normalize(literal, nonNull.OfType);
            case ListType list:
                return literal is ListValueNode items
                    ? new ListValueNode(location, items.Values.Select(v => Normalize(v, list.OfType)).ToList())
                    : Normalize(literal, list.OfType);
            case InputObjectType input when literal is ObjectValueNode obj:
                var fields = new List<ObjectFieldNode>();
                foreach (var field in input.Fields)
                {
                    var given = obj.Fields.FirstOrDefault(f => f.Name.Value == field.Name);
                    var value = given?.Value ?? field.DefaultValue;
                    if (value is not null)
                    {
                        fields.Add(new ObjectFieldNode(location, new NameNode(location, field.Name), Normalize(value, field.Type)));
                    }
                }

                return new ObjectValueNode(location, fields);
            case LeafType leaf:
                try
                {
                    var coerced = leaf.ParseLiteral(literal);
                    return FromSerialized(leaf is EnumType ? coerced is null ? null : leaf.Serialize(coerced) : leaf.Serialize(coerced), leaf, literal);
                }
                catch (GraphQLCoercionException)
                {
                    return literal;
                }

            default:
                return literal;
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
            var text = integer?.ToString(CultureInfo.InvariantCulture) ?? InputValues.JsNumber(number);
            return IntegerPattern().IsMatch(text) ? new IntValueNode(location, text) : new FloatValueNode(location, text);
        }

        return original;
    }

    [GeneratedRegex("^-?(?:0|[1-9][0-9]*)$")]
    private static partial Regex IntegerPattern();
}
