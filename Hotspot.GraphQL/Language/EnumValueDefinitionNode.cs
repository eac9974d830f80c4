namespace Hotspot.GraphQL.Language;

/// <summary>One value of an enum definition.</summary>
public sealed class EnumValueDefinitionNode(Location location, StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives) : SyntaxNode(location), IHasDirectives
{
    public override SyntaxKind Kind => SyntaxKind.EnumValueDefinition;

    public StringValueNode? Description { get; } = description;
    public NameNode Name { get; } = name;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
