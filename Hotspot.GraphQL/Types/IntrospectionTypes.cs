namespace Hotspot.GraphQL.Types;

/// <summary>
/// The introspection types (<c>__Schema</c>, <c>__Type</c>, ...) and meta-fields (<c>__schema</c>,
/// <c>__type</c>, <c>__typename</c>). These are type definitions only; the executor supplies their resolvers.
/// </summary>
public static class IntrospectionTypes
{
    public static ObjectType Schema => (ObjectType)SpecifiedDefinitions.Types["__Schema"];

    public static ObjectType Type => (ObjectType)SpecifiedDefinitions.Types["__Type"];

    public static ObjectType Field => (ObjectType)SpecifiedDefinitions.Types["__Field"];

    public static ObjectType InputValue => (ObjectType)SpecifiedDefinitions.Types["__InputValue"];

    public static ObjectType EnumValue => (ObjectType)SpecifiedDefinitions.Types["__EnumValue"];

    public static ObjectType Directive => (ObjectType)SpecifiedDefinitions.Types["__Directive"];

    public static EnumType TypeKind => (EnumType)SpecifiedDefinitions.Types["__TypeKind"];

    public static EnumType DirectiveLocation => (EnumType)SpecifiedDefinitions.Types["__DirectiveLocation"];

    /// <summary><c>__schema: __Schema!</c>, available on the query root type.</summary>
    public static FieldDefinition SchemaMetaField { get; } = new(
        "__schema", Schema.NonNullOf(), description: "Access the current type schema of this server.");

    /// <summary><c>__type(name: String!): __Type</c>, available on the query root type.</summary>
    public static FieldDefinition TypeMetaField { get; } = new(
        "__type",
        Type,
        [new InputValueDefinition("name", BuiltInScalars.String.NonNullOf())],
        "Request the type information of a single type.");

    /// <summary><c>__typename: String!</c>, available on every object, interface and union.</summary>
    public static FieldDefinition TypeNameMetaField { get; } = new(
        "__typename", BuiltInScalars.String.NonNullOf(), description: "The name of the current Object type at runtime.");

    public static bool IsIntrospectionTypeName(string name) => SpecifiedDefinitions.Types.ContainsKey(name);
}
