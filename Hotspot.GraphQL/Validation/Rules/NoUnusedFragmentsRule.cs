using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.4 Fragments Must Be Used: every fragment is spread, directly or not, by some operation.</summary>
public sealed class NoUnusedFragmentsRule(ValidationContext context) : ValidationRule(context)
{
    private readonly List<OperationDefinitionNode> _operations = [];
    private readonly List<FragmentDefinitionNode> _fragments = [];

    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        _operations.Add(node);
        SkipChildren();
    }

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        _fragments.Add(node);
        SkipChildren();
    }

    public override void LeaveDocument(DocumentNode node)
    {
        if (_fragments.Count == 0)
            return;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (OperationDefinitionNode operation in _operations)
        {
            foreach (FragmentDefinitionNode fragment in Context.GetRecursivelyReferencedFragments(operation))
                used.Add(fragment.Name.Value);
        }
        foreach (FragmentDefinitionNode fragment in _fragments)
        {
            if (!used.Contains(fragment.Name.Value))
                ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
        }
    }
}
