using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>An interface type: fields that implementing objects (and interfaces) must provide.</summary>
public sealed class InterfaceType(
    string name,
    string? description = null,
    IReadOnlyList<DirectiveNode>? directives = null,
    InterfaceTypeDefinitionNode? astNode = null,
    IReadOnlyList<TypeExtensionNode>? extensionAstNodes = null)
    : ComplexType(name, description, directives, astNode, extensionAstNodes)
{
    public override TypeKind Kind => TypeKind.Interface;
}
