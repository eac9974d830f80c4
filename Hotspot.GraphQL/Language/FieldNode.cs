namespace Hotspot.GraphQL.Language;

/// <summary><c>alias: name(args) @directives { ... }</c>.</summary>
public sealed class FieldNode(Location location, NameNode? alias, NameNode name, IReadOnlyList<ArgumentNode> arguments, IReadOnlyList<DirectiveNode> directives, SelectionSetNode? selectionSet) : SelectionNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.Field;

    public NameNode? Alias { get; } = alias;
    public NameNode Name { get; } = name;
    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public SelectionSetNode? SelectionSet { get; } = selectionSet;

    /// <summary>The key of this field in the response: the alias if there is one, else the name.</summary>
    public string ResponseName => Alias?.Value ?? Name.Value;
}
