namespace Hotspot.GraphQL.Language;

/// <summary>A whole GraphQL document: executable and/or type-system definitions.</summary>
public sealed class DocumentNode(Location location, IReadOnlyList<DefinitionNode> definitions) : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.Document;

    public IReadOnlyList<DefinitionNode> Definitions { get; } = definitions;
}
