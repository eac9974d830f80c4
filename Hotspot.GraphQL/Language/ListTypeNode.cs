namespace Hotspot.GraphQL.Language;

/// <summary><c>[Type]</c>.</summary>
public sealed class ListTypeNode(Location location, TypeNode @type) : TypeNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.ListType;

    public TypeNode Type { get; } = @type;
}
