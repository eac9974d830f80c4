namespace Hotspot.GraphQL.Language;

/// <summary><c>query: Query</c> inside a schema definition or extension.</summary>
public sealed class OperationTypeDefinitionNode(Location location, OperationType operation, NamedTypeNode @type) : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.OperationTypeDefinition;

    public OperationType Operation { get; } = operation;
    public NamedTypeNode Type { get; } = @type;
}
