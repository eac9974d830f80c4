namespace Hotspot.GraphQL.Language;

/// <summary>A reference to a named type.</summary>
public sealed class NamedTypeNode(Location location, NameNode name) : TypeNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.NamedType;

    public NameNode Name { get; } = name;
}
