namespace Hotspot.GraphQL.Language;

/// <summary>A field, fragment spread or inline fragment inside a selection set.</summary>
public abstract class SelectionNode(Location location) : SyntaxNode(location), IHasDirectives
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; }
}
