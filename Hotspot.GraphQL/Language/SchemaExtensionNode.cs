namespace Hotspot.GraphQL.Language;

/// <summary><c>extend schema @directives { ... }</c>.</summary>
public sealed class SchemaExtensionNode(Location location, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<OperationTypeDefinitionNode> operationTypes) : TypeSystemExtensionNode(location), IHasDirectives
{
    public override SyntaxKind Kind => SyntaxKind.SchemaExtension;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; } = operationTypes;
}
