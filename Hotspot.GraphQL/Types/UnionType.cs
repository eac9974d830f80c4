using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>A union of object types.</summary>
public sealed class UnionType(
    string name,
    string? description = null,
    IReadOnlyList<DirectiveNode>? directives = null,
    UnionTypeDefinitionNode? astNode = null,
    IReadOnlyList<TypeExtensionNode>? extensionAstNodes = null)
    : NamedType(name, description, directives, astNode, extensionAstNodes)
{
    private ObjectType[] _types = [];

    public override TypeKind Kind => TypeKind.Union;

    /// <summary>Member types in definition order.</summary>
    public IReadOnlyList<ObjectType> Types => _types;

    internal void Complete(IReadOnlyList<ObjectType> types) => _types = [.. types];
}
