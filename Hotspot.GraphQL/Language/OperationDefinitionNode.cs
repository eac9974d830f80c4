namespace Hotspot.GraphQL.Language;

/// <summary>A query, mutation or subscription; <c>{ ... }</c> alone is an anonymous query.</summary>
public sealed class OperationDefinitionNode(Location location, OperationType operation, NameNode? name, IReadOnlyList<VariableDefinitionNode> variableDefinitions, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet, StringValueNode? description = null) : ExecutableDefinitionNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.OperationDefinition;

    public OperationType Operation { get; } = operation;
    public override NameNode? Name { get; } = name;
    public override IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; } = variableDefinitions;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public override SelectionSetNode SelectionSet { get; } = selectionSet;

    /// <summary>A description (GraphQL spec draft; as graphql-js 16.15 parses it), or null.</summary>
    public StringValueNode? Description { get; } = description;
}
