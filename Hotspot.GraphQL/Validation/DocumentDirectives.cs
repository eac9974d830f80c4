using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// The directive definitions a document itself contains (SDL, or SDL mixed into a query), by name; later
/// definitions win, as in graphql-js's rule maps. Executable documents have none, so nothing is allocated.
/// </summary>
internal static class DocumentDirectives
{
    public static Dictionary<string, DirectiveDefinitionNode>? Find(DocumentNode document)
    {
        Dictionary<string, DirectiveDefinitionNode>? found = null;
        IReadOnlyList<DefinitionNode> definitions = document.Definitions;
        for (int i = 0; i < definitions.Count; i++)
        {
            if (definitions[i] is DirectiveDefinitionNode directive)
                (found ??= new Dictionary<string, DirectiveDefinitionNode>(StringComparer.Ordinal))[directive.Name.Value] = directive;
        }
        return found;
    }
}
