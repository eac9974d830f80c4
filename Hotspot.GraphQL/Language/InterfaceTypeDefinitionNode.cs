namespace Hotspot.GraphQL.Language;

/// <summary><c>interface Name implements A @directives { fields }</c>.</summary>
public sealed class InterfaceTypeDefinitionNode(Location location, StringValueNode? description, NameNode name, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<FieldDefinitionNode> fields) : TypeDefinitionNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeDefinition;

    public override StringValueNode? Description { get; } = description;
    public override NameNode Name { get; } = name;
    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;
}
