namespace Hotspot.GraphQL.Language;

/// <summary><c>{ ... }</c>: the fields and fragments selected on a composite type.</summary>
public sealed class SelectionSetNode(Location location, IReadOnlyList<SelectionNode> selections) : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.SelectionSet;

    public IReadOnlyList<SelectionNode> Selections { get; } = selections;
}
