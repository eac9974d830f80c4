namespace Hotspot.GraphQL.Language;

/// <summary><c>name(args): Type @directives</c> in an object or interface.</summary>
public sealed class FieldDefinitionNode(Location location, StringValueNode? description, NameNode name, IReadOnlyList<InputValueDefinitionNode> arguments, TypeNode @type, IReadOnlyList<DirectiveNode> directives) : SyntaxNode(location), IHasDirectives
{
    public override SyntaxKind Kind => SyntaxKind.FieldDefinition;

    public StringValueNode? Description { get; } = description;
    public NameNode Name { get; } = name;
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;
    public TypeNode Type { get; } = @type;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
