using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// The validator's single point of contact with the type system (Hotspot.GraphQL.Types): unwrapping and
/// predicates, type references from the AST, field lookups (meta fields included), subtyping and printing, in
/// the shapes the rules use. The schema precomputes its lookups, so these are dictionary reads.
/// </summary>
internal static class TypeRefs
{
    // ---- Unwrapping and predicates.

    public static NamedType? NamedType(GraphQLType? type) => type?.GetNamedType();

    public static GraphQLType? NullableType(GraphQLType? type) => type?.NullableType;

    public static bool IsCompositeType(GraphQLType? type) => type is ObjectType or InterfaceType or UnionType;

    public static bool IsAbstractType(GraphQLType? type) => type is InterfaceType or UnionType;

    public static bool IsLeafType(GraphQLType? type) => type is LeafType;

    public static bool IsInputType(GraphQLType? type) => type is not null && type.IsInputType;

    public static bool IsOutputType(GraphQLType? type) => type is not null && type.IsOutputType;

    /// <summary>Same type: the same named type under the same list/non-null wrappers.</summary>
    public static bool SameType(GraphQLType a, GraphQLType b) => TypeComparators.IsEqualType(a, b);

    /// <summary>A required argument or input field: non-null and without a default.</summary>
    public static bool IsRequired(InputValueDefinition value) => value.IsRequired;

    // ---- Schema lookups.

    /// <summary>The type a type reference names (wrapped as written), or null if the named type is unknown.</summary>
    public static GraphQLType? FromAst(Schema schema, TypeNode node) => schema.GetTypeFromAst(node);

    public static ObjectType? RootType(Schema schema, OperationType operation) => schema.GetRootType(operation);

    /// <summary>Whether an existing schema already has root types, so an SDL extension may not define a schema.</summary>
    public static bool HasSchemaDefinition(Schema? schema) => schema is not null;

    public static IEnumerable<string> TypeNames(Schema? schema)
    {
        if (schema is null)
            yield break;
        foreach (NamedType type in schema.Types)
            yield return type.Name;
    }


    /// <summary>A directive of the schema, or a built-in directive when validating SDL without a schema.</summary>
    public static DirectiveDefinition? GetDirective(Schema? schema, string name) =>
        schema is not null ? schema.GetDirective(name) : BuiltInDirectives.Get(name);


    /// <summary>The field a selection refers to, including <c>__typename</c> and the root-only <c>__schema</c> and <c>__type</c>.</summary>
    public static FieldDefinition? FindField(Schema schema, NamedType parentType, string name) => schema.GetField(parentType, name);

    public static FieldDefinition? GetField(NamedType type, string name) => (type as ComplexType)?.GetField(name);

    public static bool HasField(NamedType type, string name) => type switch
    {
        InputObjectType input => input.GetField(name) is not null,
        ComplexType complex => complex.GetField(name) is not null,
        _ => false,
    };

    public static IEnumerable<string> FieldNames(NamedType type)
    {
        if (type is not ComplexType complex)
            yield break;
        foreach (FieldDefinition field in complex.Fields)
            yield return field.Name;
    }

    public static IReadOnlyList<InputValueDefinition> InputFields(InputObjectType type) => type.Fields;

    public static IReadOnlyList<InterfaceType> Interfaces(ObjectType type) => type.Interfaces;

    public static EnumValueDefinition? GetEnumValue(EnumType type, string name) => type.GetValue(name);

    public static IEnumerable<string> EnumValueNames(EnumType type)
    {
        foreach (EnumValueDefinition value in type.Values)
            yield return value.Name;
    }

    public static IReadOnlyList<ObjectType> PossibleTypes(Schema schema, NamedType abstractType) => schema.GetPossibleTypes(abstractType);

    public static bool IsSubType(Schema schema, NamedType abstractType, NamedType maybeSubType) =>
        schema.IsSubType(abstractType, maybeSubType);

    /// <summary>
    /// A custom scalar's verdict on a literal, from its parse-literal hook. A coercion error is the scalar's own
    /// message (as a GraphQLError thrown by a graphql-js scalar is); any other exception from a hook becomes
    /// graphql-js's <c>Expected value of type "T", found v; reason</c>. Scalars without hooks accept any literal.
    /// </summary>
    public static LeafLiteralResult CheckCustomScalarLiteral(ScalarType scalar, ValueNode node, GraphQLType locationType)
    {
        try
        {
            scalar.ParseLiteral(node);
            return LeafLiteralResult.Valid;
        }
        catch (GraphQLCoercionException e)
        {
            return LeafLiteralResult.Invalid(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not InsufficientExecutionStackException)
        {
            return LeafLiteralResult.Invalid($"Expected value of type \"{Print(locationType)}\", found {Printer.Print(node)}; {e.Message}");
        }
    }

    // ---- Type comparisons.

    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType) =>
        TypeComparators.IsTypeSubTypeOf(schema, maybeSubType, superType);

    public static bool DoTypesOverlap(Schema schema, NamedType a, NamedType b) => TypeComparators.DoTypesOverlap(schema, a, b);

    // ---- Printing (graphql-js's inspect of a type, print of a type node).

    public static string Print(GraphQLType? type) => type?.ToString() ?? "undefined";

    public static string Print(TypeNode node) => Printer.Print(node);
}
