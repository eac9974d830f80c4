using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// What rules share during one validation run: the schema and document, the type information of the node being
/// visited, per-document lookups built once (fragments by name, spreads per selection set, variable usages per
/// operation) and the errors reported so far. For SDL validation <see cref="SchemaOrNull"/> may be null (a
/// standalone type-system document) and no type information is tracked.
/// </summary>
public sealed class ValidationContext
{
    private readonly List<GraphQLError> _errors = [];
    private readonly int _maxErrors;
    private readonly TypeInfo? _typeInfo;
    private readonly List<SyntaxNode> _ancestors = [];
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    // Built on first use: many documents never need some of them.
    private Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>>? _fragmentSpreads;
    private Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>>? _referencedFragments;
    private Dictionary<ExecutableDefinitionNode, IReadOnlyList<VariableUsage>>? _variableUsages;
    private Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>>? _recursiveVariableUsages;

    internal ValidationContext(Schema? schema, DocumentNode document, bool trackTypes, int maxErrors)
    {
        SchemaOrNull = schema;
        Document = document;
        _maxErrors = maxErrors;
        if (trackTypes && schema is not null)
            _typeInfo = new TypeInfo(schema);
    }

    public DocumentNode Document { get; }

    /// <summary>The schema; null only when validating a standalone SDL document.</summary>
    public Schema? SchemaOrNull { get; }

    /// <summary>The schema executable documents are validated against.</summary>
    public Schema Schema => SchemaOrNull ?? throw new InvalidOperationException("This validation has no schema.");

    public IReadOnlyList<GraphQLError> Errors => _errors;

    internal TypeInfo? TypeInfo => _typeInfo;

    /// <summary>The nodes from the document down to the parent of the node being visited.</summary>
    public IReadOnlyList<SyntaxNode> Ancestors => _ancestors;

    internal List<SyntaxNode> AncestorStack => _ancestors;

    // ---- Type information of the node being visited (graphql-js's TypeInfo getters).

    /// <summary>The output type of the current field, operation or fragment.</summary>
    public GraphQLType? Type => _typeInfo?.Type;

    /// <summary>The composite type whose selection set is being visited.</summary>
    public NamedType? ParentType => _typeInfo?.ParentType;

    /// <summary>The input type expected at the current argument, variable definition or value.</summary>
    public GraphQLType? InputType => _typeInfo?.InputType;

    /// <summary>The input type of the enclosing list or input object value.</summary>
    public GraphQLType? ParentInputType => _typeInfo?.ParentInputType;

    public FieldDefinition? FieldDefinition => _typeInfo?.FieldDefinition;

    public DirectiveDefinition? Directive => _typeInfo?.Directive;

    public InputValueDefinition? Argument => _typeInfo?.Argument;

    /// <summary>The enum value an enum literal names, when the expected type is that enum.</summary>
    public EnumValueDefinition? EnumValue => _typeInfo?.EnumValue;

    // ---- Errors.

    public void ReportError(GraphQLError error)
    {
        if (_errors.Count >= _maxErrors)
        {
            _errors.Add(new GraphQLError("Too many validation errors, error limit reached. Validation aborted."));
            throw new ValidationAbortedException(reportAborted: false);
        }
        _errors.Add(error);
    }

    public void ReportError(string message, SyntaxNode node) =>
        ReportError(new GraphQLError(message, LocationsOf(node)));

    public void ReportError(string message, SyntaxNode first, SyntaxNode second) =>
        ReportError(new GraphQLError(message, LocationsOf(first, second)));

    public void ReportError<TNode>(string message, IReadOnlyList<TNode> nodes)
        where TNode : SyntaxNode
    {
        var locations = new List<SourceLocation>(nodes.Count);
        for (int i = 0; i < nodes.Count; i++)
            AddLocation(locations, nodes[i]);
        ReportError(new GraphQLError(message, locations));
    }

    private static List<SourceLocation> LocationsOf(SyntaxNode node)
    {
        var list = new List<SourceLocation>(1);
        AddLocation(list, node);
        return list;
    }

    private static List<SourceLocation> LocationsOf(SyntaxNode first, SyntaxNode second)
    {
        var list = new List<SourceLocation>(2);
        AddLocation(list, first);
        AddLocation(list, second);
        return list;
    }

    // Nodes built in code have no location (line 0); graphql-js leaves those out too.
    private static void AddLocation(List<SourceLocation> list, SyntaxNode node)
    {
        if (node.Location.Line > 0)
            list.Add(node.Location.ToSourceLocation());
    }

    // ---- Per-document lookups, built once and cached.

    /// <summary>The fragment definition with this name (the last one, if the name is defined twice), or null.</summary>
    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (DefinitionNode definition in Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                    _fragments[fragment.Name.Value] = fragment;
            }
        }
        return _fragments.GetValueOrDefault(name);
    }

    /// <summary>The fragment spreads in a selection set, including those nested in fields and inline fragments.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        _fragmentSpreads ??= new Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>>(ReferenceEqualityComparer.Instance);
        if (_fragmentSpreads.TryGetValue(selectionSet, out IReadOnlyList<FragmentSpreadNode>? cached))
            return cached;
        var spreads = new List<FragmentSpreadNode>();
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.Count > 0)
        {
            SelectionSetNode set = setsToVisit.Pop();
            IReadOnlyList<SelectionNode> selections = set.Selections;
            for (int i = 0; i < selections.Count; i++)
            {
                switch (selections[i])
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        setsToVisit.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }
        _fragmentSpreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation spreads, directly or through other fragments, each once.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        _referencedFragments ??= new Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>>(ReferenceEqualityComparer.Instance);
        if (_referencedFragments.TryGetValue(operation, out IReadOnlyList<FragmentDefinitionNode>? cached))
            return cached;
        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var nodesToVisit = new Stack<SelectionSetNode>();
        nodesToVisit.Push(operation.SelectionSet);
        while (nodesToVisit.Count > 0)
        {
            SelectionSetNode node = nodesToVisit.Pop();
            foreach (FragmentSpreadNode spread in GetFragmentSpreads(node))
            {
                string name = spread.Name.Value;
                if (!collected.Add(name))
                    continue;
                FragmentDefinitionNode? fragment = GetFragment(name);
                if (fragment is not null)
                {
                    fragments.Add(fragment);
                    nodesToVisit.Push(fragment.SelectionSet);
                }
            }
        }
        _referencedFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used in an operation or fragment (not through spreads), with the input type expected where each is used.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        _variableUsages ??= new Dictionary<ExecutableDefinitionNode, IReadOnlyList<VariableUsage>>(ReferenceEqualityComparer.Instance);
        if (_variableUsages.TryGetValue(node, out IReadOnlyList<VariableUsage>? cached))
            return cached;
        IReadOnlyList<VariableUsage> usages = VariableUsageCollector.Collect(SchemaOrNull, node);
        _variableUsages[node] = usages;
        return usages;
    }

    /// <summary>Usages the main walk found in a definition it has finished; kept unless already computed.</summary>
    internal void RecordVariableUsages(ExecutableDefinitionNode node, IReadOnlyList<VariableUsage> usages)
    {
        _variableUsages ??= new Dictionary<ExecutableDefinitionNode, IReadOnlyList<VariableUsage>>(ReferenceEqualityComparer.Instance);
        _variableUsages.TryAdd(node, usages);
    }

    /// <summary>The variables used in an operation and in every fragment it spreads, recursively.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        _recursiveVariableUsages ??= new Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>>(ReferenceEqualityComparer.Instance);
        if (_recursiveVariableUsages.TryGetValue(operation, out IReadOnlyList<VariableUsage>? cached))
            return cached;
        IReadOnlyList<VariableUsage> own = GetVariableUsages(operation);
        IReadOnlyList<FragmentDefinitionNode> fragments = GetRecursivelyReferencedFragments(operation);
        IReadOnlyList<VariableUsage> usages = own;
        if (fragments.Count > 0)
        {
            var all = new List<VariableUsage>(own);
            foreach (FragmentDefinitionNode fragment in fragments)
                all.AddRange(GetVariableUsages(fragment));
            usages = all;
        }
        _recursiveVariableUsages[operation] = usages;
        return usages;
    }
}
