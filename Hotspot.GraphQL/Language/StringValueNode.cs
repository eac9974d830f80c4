namespace Hotspot.GraphQL.Language;

/// <summary>A string or block string literal; <see cref="Value"/> is the decoded text.</summary>
public sealed class StringValueNode(Location location, string @value, bool block) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.StringValue;

    public string Value { get; } = @value;
    public bool Block { get; } = block;
}
