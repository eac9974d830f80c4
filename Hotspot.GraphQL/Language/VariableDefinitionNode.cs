namespace Hotspot.GraphQL.Language;

/// <summary><c>$name: Type = default @directives</c> in an operation header.</summary>
public sealed class VariableDefinitionNode(Location location, VariableNode variable, TypeNode @type, ValueNode? defaultValue, IReadOnlyList<DirectiveNode> directives, StringValueNode? description = null) : SyntaxNode(location), IHasDirectives
{
    public override SyntaxKind Kind => SyntaxKind.VariableDefinition;

    public VariableNode Variable { get; } = variable;
    public TypeNode Type { get; } = @type;
    public ValueNode? DefaultValue { get; } = defaultValue;
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    /// <summary>A description (GraphQL spec draft; as graphql-js 16.15 parses it), or null.</summary>
    public StringValueNode? Description { get; } = description;
}
