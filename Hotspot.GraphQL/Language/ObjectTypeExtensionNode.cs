namespace Hotspot.GraphQL.Language;

/// <summary><c>extend type Name implements ... @directives { fields }</c>.</summary>
public sealed class ObjectTypeExtensionNode(Location location, NameNode name, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<FieldDefinitionNode> fields) : TypeExtensionNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeExtension;

    public override NameNode Name { get; } = name;
    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;
}
