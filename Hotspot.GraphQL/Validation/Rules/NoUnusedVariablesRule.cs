using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.4 All Variables Used, counting uses inside fragments the operation spreads.</summary>
public sealed class NoUnusedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly List<VariableDefinitionNode> _definitions = [];

    public override void EnterOperationDefinition(OperationDefinitionNode node) => _definitions.Clear();

    public override void EnterVariableDefinition(VariableDefinitionNode node) => _definitions.Add(node);

    public override void LeaveOperationDefinition(OperationDefinitionNode operation)
    {
        if (_definitions.Count == 0)
            return;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (VariableUsage usage in Context.GetRecursiveVariableUsages(operation))
            used.Add(usage.Node.Name.Value);
        foreach (VariableDefinitionNode definition in _definitions)
        {
            string name = definition.Variable.Name.Value;
            if (used.Contains(name))
                continue;
            string message = operation.Name is not null
                ? $"Variable \"${name}\" is never used in operation \"{operation.Name.Value}\"."
                : $"Variable \"${name}\" is never used.";
            ReportError(message, definition);
        }
    }
}
