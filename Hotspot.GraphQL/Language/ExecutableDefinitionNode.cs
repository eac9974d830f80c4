namespace Hotspot.GraphQL.Language;

/// <summary>An operation or a fragment definition.</summary>
public abstract class ExecutableDefinitionNode(Location location) : DefinitionNode(location), IHasDirectives
{
    /// <summary>The name; null only for an anonymous operation.</summary>
    public abstract NameNode? Name { get; }

    public abstract IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; }

    public abstract IReadOnlyList<DirectiveNode> Directives { get; }

    public abstract SelectionSetNode SelectionSet { get; }
}
