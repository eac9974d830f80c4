namespace Hotspot.GraphQL.Language;

/// <summary>An integer literal, kept as its source text (range is checked when coerced).</summary>
public sealed class IntValueNode(Location location, string @value) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.IntValue;

    public string Value { get; } = @value;
}
