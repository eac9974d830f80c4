namespace Hotspot.GraphQL.Language;

/// <summary>Where a directive may appear (spec 3.13); names as in SDL, e.g. <c>FIELD_DEFINITION</c>.</summary>
public enum DirectiveLocation
{
    // Executable locations
    QUERY,
    MUTATION,
    SUBSCRIPTION,
    FIELD,
    FRAGMENT_DEFINITION,
    FRAGMENT_SPREAD,
    INLINE_FRAGMENT,
    VARIABLE_DEFINITION,

    // Type-system locations
    SCHEMA,
    SCALAR,
    OBJECT,
    FIELD_DEFINITION,
    ARGUMENT_DEFINITION,
    INTERFACE,
    UNION,
    ENUM,
    ENUM_VALUE,
    INPUT_OBJECT,
    INPUT_FIELD_DEFINITION,

    // Not in the October 2021 spec; graphql-js 16.15 lists it (for @deprecated on directive definitions).
    DIRECTIVE_DEFINITION,
}
