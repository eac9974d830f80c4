namespace Hotspot.GraphQL.Language;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BooleanValueNode(Location location, bool @value) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.BooleanValue;

    public bool Value { get; } = @value;
}
