using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>
/// Scalars and enums: types whose values are serialized directly. The three hooks follow the spec's coercion
/// rules and throw <see cref="Errors.GraphQLCoercionException"/> for values they cannot represent.
/// </summary>
public abstract class LeafType(
    string name,
    string? description,
    IReadOnlyList<DirectiveNode>? directives,
    TypeDefinitionNode? astNode,
    IReadOnlyList<TypeExtensionNode>? extensionAstNodes)
    : NamedType(name, description, directives, astNode, extensionAstNodes)
{
    /// <summary>Result coercion: a resolver's value to what goes into the response.</summary>
    public abstract object? Serialize(object? value);

    /// <summary>
    /// Input coercion of a variable value. Accepts .NET primitives (string, bool, int, long, double, decimal),
    /// <see cref="System.Text.Json.JsonElement"/>s, lists and string-keyed dictionaries.
    /// </summary>
    public abstract object? ParseValue(object? value);

    /// <summary>Input coercion of a literal in the document; variables are already coerced values.</summary>
    public abstract object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null);
}
