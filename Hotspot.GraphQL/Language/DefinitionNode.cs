namespace Hotspot.GraphQL.Language;

/// <summary>A top-level definition of a document: executable, type-system definition or extension.</summary>
public abstract class DefinitionNode(Location location) : SyntaxNode(location);
