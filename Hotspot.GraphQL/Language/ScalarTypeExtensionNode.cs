namespace Hotspot.GraphQL.Language;

/// <summary><c>extend scalar Name @directives</c>.</summary>
public sealed class ScalarTypeExtensionNode(Location location, NameNode name, IReadOnlyList<DirectiveNode> directives) : TypeExtensionNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeExtension;

    public override NameNode Name { get; } = name;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
