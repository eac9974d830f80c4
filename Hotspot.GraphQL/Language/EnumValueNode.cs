namespace Hotspot.GraphQL.Language;

/// <summary>A bare name used as a value (not true, false or null).</summary>
public sealed class EnumValueNode(Location location, string @value) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.EnumValue;

    public string Value { get; } = @value;
}
