namespace Hotspot.GraphQL.Language;

/// <summary><c>name: value</c> in a field or directive.</summary>
public sealed class ArgumentNode(Location location, NameNode name, ValueNode @value) : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.Argument;

    public NameNode Name { get; } = name;
    public ValueNode Value { get; } = @value;
}
