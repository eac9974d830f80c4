using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.5.2.2 Fragment Spreads Must Not Form Cycles. A depth-first search over fragment spreads; each fragment is
/// explored once, so the work is linear in the number of spreads.
/// </summary>
public sealed class NoFragmentCyclesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _spreadPathIndexByName = new(StringComparer.Ordinal);

    public override void EnterOperationDefinition(OperationDefinitionNode node) => SkipChildren();

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        DetectCycles(node);
        SkipChildren();
    }

    private void DetectCycles(FragmentDefinitionNode fragment)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        string fragmentName = fragment.Name.Value;
        if (!_visited.Add(fragmentName))
            return;

        IReadOnlyList<FragmentSpreadNode> spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
            return;

        _spreadPathIndexByName[fragmentName] = _spreadPath.Count;
        foreach (FragmentSpreadNode spread in spreads)
        {
            string spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_spreadPathIndexByName.TryGetValue(spreadName, out int cycleIndex))
            {
                FragmentDefinitionNode? target = Context.GetFragment(spreadName);
                if (target is not null)
                    DetectCycles(target);
            }
            else
            {
                var cyclePath = _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex);
                var via = new System.Text.StringBuilder();
                for (int i = 0; i < cyclePath.Count - 1; i++)
                {
                    if (i > 0) via.Append(", ");
                    via.Append('"').Append(cyclePath[i].Name.Value).Append('"');
                }
                string message = $"Cannot spread fragment \"{spreadName}\" within itself" +
                                 (via.Length > 0 ? $" via {via}." : ".");
                Context.ReportError(message, cyclePath);
            }
            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }
        _spreadPathIndexByName.Remove(fragmentName);
    }
}
