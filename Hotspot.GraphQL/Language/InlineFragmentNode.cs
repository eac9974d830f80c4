namespace Hotspot.GraphQL.Language;

/// <summary><c>... on Type @directives { ... }</c>; the type condition is optional.</summary>
public sealed class InlineFragmentNode(Location location, NamedTypeNode? typeCondition, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet) : SelectionNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.InlineFragment;

    public NamedTypeNode? TypeCondition { get; } = typeCondition;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public SelectionSetNode SelectionSet { get; } = selectionSet;
}
