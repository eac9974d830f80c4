namespace Hotspot.GraphQL.Language;

/// <summary><c>name: value</c> inside an object value.</summary>
public sealed class ObjectFieldNode(Location location, NameNode name, ValueNode @value) : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.ObjectField;

    public NameNode Name { get; } = name;
    public ValueNode Value { get; } = @value;
}
