using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>An object type: the concrete types that values resolve to.</summary>
public sealed class ObjectType(
    string name,
    string? description = null,
    IReadOnlyList<DirectiveNode>? directives = null,
    ObjectTypeDefinitionNode? astNode = null,
    IReadOnlyList<TypeExtensionNode>? extensionAstNodes = null)
    : ComplexType(name, description, directives, astNode, extensionAstNodes)
{
    public override TypeKind Kind => TypeKind.Object;
}
