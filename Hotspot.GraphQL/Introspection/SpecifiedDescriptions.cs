using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Introspection;

/// <summary>
/// Copies the descriptions of the spec's own definitions (built-in scalars and directives, introspection types,
/// their fields, arguments and enum values) from gql-front's type system, which serves graphql-js 16's wording,
/// so introspection answers exactly what graphql-js answers.
/// </summary>
internal static class SpecifiedDescriptions
{
    public static void ApplyToScalar(ExecutableScalarType scalar)
    {
        if (BuiltInScalars.Get(scalar.Name) is { } specified) scalar.Description = specified.Description;
    }

    public static void ApplyToDirective(ExecutableDirective directive)
    {
        if (BuiltInDirectives.Get(directive.Name) is not { } specified) return;
        directive.Description = specified.Description;
        foreach (var argument in directive.Arguments)
        {
            foreach (var specifiedArgument in specified.Arguments)
                if (specifiedArgument.Name == argument.Name) argument.Description = specifiedArgument.Description;
        }
    }

    public static void ApplyToIntrospectionType(ExecutableNamedType type)
    {
        NamedType? specified = type.Name switch
        {
            "__Schema" => IntrospectionTypes.Schema,
            "__Type" => IntrospectionTypes.Type,
            "__Field" => IntrospectionTypes.Field,
            "__InputValue" => IntrospectionTypes.InputValue,
            "__EnumValue" => IntrospectionTypes.EnumValue,
            "__Directive" => IntrospectionTypes.Directive,
            "__TypeKind" => IntrospectionTypes.TypeKind,
            "__DirectiveLocation" => IntrospectionTypes.DirectiveLocation,
            _ => null,
        };
        if (specified is null) return;
        type.Description = specified.Description;
        if (type is ExecutableObjectType objectType && specified is ComplexType complex)
        {
            foreach (var field in objectType.Fields)
            {
                if (complex.GetField(field.Name) is not { } specifiedField) continue;
                field.Description = specifiedField.Description;
                foreach (var argument in field.Arguments)
                {
                    foreach (var specifiedArgument in specifiedField.Arguments)
                        if (specifiedArgument.Name == argument.Name) argument.Description = specifiedArgument.Description;
                }
            }
        }
        if (type is ExecutableEnumType enumType && specified is EnumType specifiedEnum)
        {
            foreach (var value in enumType.Values) value.Description = specifiedEnum.GetValue(value.Name)?.Description;
        }
    }

    public static void ApplyToMetaFields(ExecutableField schema, ExecutableField type, ExecutableField typeName)
    {
        schema.Description = IntrospectionTypes.SchemaMetaField.Description;
        type.Description = IntrospectionTypes.TypeMetaField.Description;
        typeName.Description = IntrospectionTypes.TypeNameMetaField.Description;
    }
}
