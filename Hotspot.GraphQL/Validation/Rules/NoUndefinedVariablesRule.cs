using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.3 All Variable Uses Defined, including uses inside fragments the operation spreads.</summary>
public sealed class NoUndefinedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

    public override void EnterOperationDefinition(OperationDefinitionNode node) => _defined.Clear();

    public override void EnterVariableDefinition(VariableDefinitionNode node) => _defined.Add(node.Variable.Name.Value);

    public override void LeaveOperationDefinition(OperationDefinitionNode operation)
    {
        foreach (VariableUsage usage in Context.GetRecursiveVariableUsages(operation))
        {
            string name = usage.Node.Name.Value;
            if (_defined.Contains(name))
                continue;
            string message = operation.Name is not null
                ? $"Variable \"${name}\" is not defined by operation \"{operation.Name.Value}\"."
                : $"Variable \"${name}\" is not defined.";
            Context.ReportError(message, usage.Node, operation);
        }
    }
}
