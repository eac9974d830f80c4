namespace Hotspot.GraphQL.Language;

/// <summary><c>null</c>.</summary>
public sealed class NullValueNode(Location location) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.NullValue;
}
