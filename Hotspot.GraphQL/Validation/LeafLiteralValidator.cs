using System.Globalization;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// Checks a literal (no variables at its top) against a scalar or enum type, with graphql-js's messages for the
/// built-in scalars (<c>Int cannot represent non-integer value: "3"</c>) and enums. Custom scalars decide through
/// the type system's literal hook; without one they accept any literal, as graphql-js's default does.
/// </summary>
internal static class LeafLiteralValidator
{
    public static LeafLiteralResult Check(NamedType type, ValueNode node, GraphQLType locationType)
    {
        if (type is EnumType enumType)
            return CheckEnum(enumType, node);
        if (type is not ScalarType scalar)
            return LeafLiteralResult.Valid;

        switch (scalar.Name)
        {
            case "Int":
                if (node is not IntValueNode intValue)
                    return LeafLiteralResult.Invalid($"Int cannot represent non-integer value: {Printer.Print(node)}");
                if (!int.TryParse(intValue.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    return LeafLiteralResult.Invalid($"Int cannot represent non 32-bit signed integer value: {intValue.Value}");
                return LeafLiteralResult.Valid;
            case "Float":
                return node is FloatValueNode or IntValueNode
                    ? LeafLiteralResult.Valid
                    : LeafLiteralResult.Invalid($"Float cannot represent non numeric value: {Printer.Print(node)}");
            case "String":
                return node is StringValueNode
                    ? LeafLiteralResult.Valid
                    : LeafLiteralResult.Invalid($"String cannot represent a non string value: {Printer.Print(node)}");
            case "Boolean":
                return node is BooleanValueNode
                    ? LeafLiteralResult.Valid
                    : LeafLiteralResult.Invalid($"Boolean cannot represent a non boolean value: {Printer.Print(node)}");
            case "ID":
                return node is StringValueNode or IntValueNode
                    ? LeafLiteralResult.Valid
                    : LeafLiteralResult.Invalid($"ID cannot represent a non-string and non-integer value: {Printer.Print(node)}");
            default:
                return TypeRefs.CheckCustomScalarLiteral(scalar, node, locationType);
        }
    }

    private static LeafLiteralResult CheckEnum(EnumType type, ValueNode node)
    {
        if (node is not EnumValueNode enumValue)
        {
            string printed = Printer.Print(node);
            return LeafLiteralResult.Invalid(
                $"Enum \"{type.Name}\" cannot represent non-enum value: {printed}." + SuggestEnumValues(type, printed));
        }
        if (TypeRefs.GetEnumValue(type, enumValue.Value) is null)
        {
            return LeafLiteralResult.Invalid(
                $"Value \"{enumValue.Value}\" does not exist in \"{type.Name}\" enum." + SuggestEnumValues(type, enumValue.Value));
        }
        return LeafLiteralResult.Valid;
    }

    private static string SuggestEnumValues(EnumType type, string unknown) =>
        DidYouMean.Format(DidYouMean.SuggestionList(unknown, TypeRefs.EnumValueNames(type)), "the enum value");
}
