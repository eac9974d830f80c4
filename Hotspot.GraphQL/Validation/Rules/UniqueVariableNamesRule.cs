using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.1 Variable Uniqueness.</summary>
public sealed class UniqueVariableNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        IReadOnlyList<VariableDefinitionNode> definitions = node.VariableDefinitions;
        if (definitions.Count < 2)
            return;
        foreach (var (name, nodes) in NameGroups.Group(definitions, static d => d.Variable.Name))
        {
            if (nodes.Count > 1)
                Context.ReportError($"There can be only one variable named \"${name}\".", nodes);
        }
    }
}
