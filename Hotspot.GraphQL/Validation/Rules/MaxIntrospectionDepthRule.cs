using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Not in the spec, but in graphql-js's specified rules since 16.9: refuses introspection queries that nest the
/// list fields of <c>__Type</c> (<c>fields</c>, <c>interfaces</c>, <c>possibleTypes</c>, <c>inputFields</c>) three
/// deep, which would let a small query produce a huge response. Fragment results are memoized by entry depth so
/// that fragment fan-out cannot make the check itself expensive.
/// </summary>
public sealed class MaxIntrospectionDepthRule(ValidationContext context) : ValidationRule(context)
{
    private const int MaxListsDepth = 3;

    // Per fragment: the greatest entry depth at which its check completed without reaching the limit.
    private readonly Dictionary<string, int> _checkedFragments = new(StringComparer.Ordinal);
    // Per fragment: the smallest entry depth at which its check reached the limit.
    private readonly Dictionary<string, int> _exceededFragments = new(StringComparer.Ordinal);

    public override void EnterField(FieldNode node)
    {
        string name = node.Name.Value;
        if (name is not ("__schema" or "__type"))
            return;
        var visitedFragments = new Dictionary<string, int>(StringComparer.Ordinal);
        if (ExceedsDepth(node, visitedFragments, 0))
        {
            ReportError("Maximum introspection depth exceeded", node);
            SkipChildren();
        }
    }

    private bool ExceedsDepth(SelectionNode node, Dictionary<string, int> visitedFragments, int depth)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (node is FragmentSpreadNode spread)
        {
            string fragmentName = spread.Name.Value;
            if (_exceededFragments.TryGetValue(fragmentName, out int exceededAt) && exceededAt <= depth)
                return true;
            if ((visitedFragments.TryGetValue(fragmentName, out int visitedAt) && visitedAt >= depth) ||
                (_checkedFragments.TryGetValue(fragmentName, out int checkedAt) && checkedAt >= depth))
                return false;
            FragmentDefinitionNode? fragment = Context.GetFragment(fragmentName);
            if (fragment is null)
                return false; // KnownFragmentNamesRule reports it.
            visitedFragments[fragmentName] = depth;
            if (SelectionsExceedDepth(fragment.SelectionSet, visitedFragments, depth))
            {
                _exceededFragments[fragmentName] = depth;
                return true;
            }
            _checkedFragments[fragmentName] = depth;
            return false;
        }

        if (node is FieldNode field)
        {
            string name = field.Name.Value;
            if (name is "fields" or "interfaces" or "possibleTypes" or "inputFields")
            {
                depth++;
                if (depth >= MaxListsDepth)
                    return true;
            }
            return field.SelectionSet is not null && SelectionsExceedDepth(field.SelectionSet, visitedFragments, depth);
        }

        return node is InlineFragmentNode inline && SelectionsExceedDepth(inline.SelectionSet, visitedFragments, depth);
    }

    private bool SelectionsExceedDepth(SelectionSetNode selectionSet, Dictionary<string, int> visitedFragments, int depth)
    {
        foreach (SelectionNode child in selectionSet.Selections)
        {
            if (ExceedsDepth(child, visitedFragments, depth))
                return true;
        }
        return false;
    }
}
