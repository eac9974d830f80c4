namespace Hotspot.GraphQL.Language;

/// <summary><c>Type!</c>; the inner type is a named or list type.</summary>
public sealed class NonNullTypeNode(Location location, TypeNode @type) : TypeNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.NonNullType;

    public TypeNode Type { get; } = @type;
}
