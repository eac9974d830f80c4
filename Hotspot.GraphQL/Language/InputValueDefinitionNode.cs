namespace Hotspot.GraphQL.Language;

/// <summary>An argument or input-object field definition: <c>name: Type = default @directives</c>.</summary>
public sealed class InputValueDefinitionNode(Location location, StringValueNode? description, NameNode name, TypeNode @type, ValueNode? defaultValue, IReadOnlyList<DirectiveNode> directives) : SyntaxNode(location), IHasDirectives
{
    public override SyntaxKind Kind => SyntaxKind.InputValueDefinition;

    public StringValueNode? Description { get; } = description;
    public NameNode Name { get; } = name;
    public TypeNode Type { get; } = @type;
    public ValueNode? DefaultValue { get; } = defaultValue;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
