namespace Hotspot.GraphQL.Language;

/// <summary>Base of every AST node. Nodes are immutable; each knows its kind and where it came from.</summary>
public abstract class SyntaxNode(Location location)
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>Where the node was parsed from; <c>default</c> for nodes built in code.</summary>
    public Location Location { get; } = location;

    public override string ToString() => Printer.Print(this);
}
