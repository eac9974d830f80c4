using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// What execution learns once per parsed document and keeps for the next request with the same document
/// (gql-http caches parsed documents, so repeated queries skip this work): fragments by name and the collected
/// root fields of each operation. Subfields are cached on each <see cref="FieldPlan"/>.
/// </summary>
internal sealed class DocumentPlan
{
    private readonly object _gate = new();
    private readonly Dictionary<OperationDefinitionNode, CollectedFields> _rootFields = new();

    public DocumentPlan(DocumentNode document)
    {
        Document = document;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment) Fragments.TryAdd(fragment.Name.Value, fragment);
        }
    }

    public DocumentNode Document { get; }
    public Dictionary<string, FragmentDefinitionNode> Fragments { get; } = new(StringComparer.Ordinal);

    public CollectedFields? GetCachedRootFields(OperationDefinitionNode operation)
    {
        lock (_gate) return _rootFields.GetValueOrDefault(operation);
    }

    public void CacheRootFields(OperationDefinitionNode operation, CollectedFields fields)
    {
        lock (_gate) _rootFields.TryAdd(operation, fields);
    }
}
