namespace Hotspot.GraphQL.Language;

/// <summary><c>$name</c>.</summary>
public sealed class VariableNode(Location location, NameNode name) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.Variable;

    public NameNode Name { get; } = name;
}
