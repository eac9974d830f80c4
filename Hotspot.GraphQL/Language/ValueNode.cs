namespace Hotspot.GraphQL.Language;

/// <summary>An input value literal (or a variable) in a document.</summary>
public abstract class ValueNode(Location location) : SyntaxNode(location);
