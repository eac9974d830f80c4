namespace Hotspot.GraphQL.Language;

/// <summary><c>fragment Name on Type @directives { ... }</c>. Variable definitions exist only with the legacy parser option.</summary>
public sealed class FragmentDefinitionNode(Location location, NameNode name, IReadOnlyList<VariableDefinitionNode> variableDefinitions, NamedTypeNode typeCondition, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet, StringValueNode? description = null) : ExecutableDefinitionNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.FragmentDefinition;

    public override NameNode Name { get; } = name;
    public override IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; } = variableDefinitions;
    public NamedTypeNode TypeCondition { get; } = typeCondition;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public override SelectionSetNode SelectionSet { get; } = selectionSet;

    /// <summary>A description (GraphQL spec draft; as graphql-js 16.15 parses it), or null.</summary>
    public StringValueNode? Description { get; } = description;
}
