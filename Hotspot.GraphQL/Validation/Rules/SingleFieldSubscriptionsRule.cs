using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.2.4.1 Single Root Field: a subscription selects exactly one root field, and not an introspection field.
/// Fields are collected as execution would (through fragments whose type condition applies); <c>@skip</c> and
/// <c>@include</c> with literal conditions are honoured, and a variable condition counts as included.
/// </summary>
public sealed class SingleFieldSubscriptionsRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Operation != OperationType.Subscription)
            return;
        Schema schema = Context.Schema;
        ObjectType? subscriptionType = TypeRefs.RootType(schema, OperationType.Subscription);
        if (subscriptionType is null)
            return;

        string? operationName = node.Name?.Value;
        var fields = new List<(string ResponseName, List<FieldNode> Nodes)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        CollectFields(schema, subscriptionType, node.SelectionSet, fields, index, new HashSet<string>(StringComparer.Ordinal));

        if (fields.Count > 1)
        {
            var extra = new List<FieldNode>();
            for (int i = 1; i < fields.Count; i++)
                extra.AddRange(fields[i].Nodes);
            Context.ReportError(
                operationName is not null
                    ? $"Subscription \"{operationName}\" must select only one top level field."
                    : "Anonymous Subscription must select only one top level field.",
                extra);
        }
        foreach (var (_, nodes) in fields)
        {
            if (nodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                Context.ReportError(
                    operationName is not null
                        ? $"Subscription \"{operationName}\" must not select an introspection top level field."
                        : "Anonymous Subscription must not select an introspection top level field.",
                    nodes);
            }
        }
    }

    private void CollectFields(
        Schema schema,
        ObjectType runtimeType,
        SelectionSetNode selectionSet,
        List<(string ResponseName, List<FieldNode> Nodes)> fields,
        Dictionary<string, int> index,
        HashSet<string> visitedFragments)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (SelectionNode selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection.Directives))
                continue;
            switch (selection)
            {
                case FieldNode field:
                    string responseName = field.ResponseName;
                    if (index.TryGetValue(responseName, out int at))
                    {
                        fields[at].Nodes.Add(field);
                    }
                    else
                    {
                        index.Add(responseName, fields.Count);
                        fields.Add((responseName, [field]));
                    }
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || FragmentApplies(schema, inline.TypeCondition, runtimeType))
                        CollectFields(schema, runtimeType, inline.SelectionSet, fields, index, visitedFragments);
                    break;
                case FragmentSpreadNode spread:
                    if (!visitedFragments.Add(spread.Name.Value))
                        break;
                    FragmentDefinitionNode? fragment = Context.GetFragment(spread.Name.Value);
                    if (fragment is not null && FragmentApplies(schema, fragment.TypeCondition, runtimeType))
                        CollectFields(schema, runtimeType, fragment.SelectionSet, fields, index, visitedFragments);
                    break;
            }
        }
    }

    private static bool FragmentApplies(Schema schema, NamedTypeNode typeCondition, ObjectType type)
    {
        GraphQLType? conditionalType = TypeRefs.FromAst(schema, typeCondition);
        if (ReferenceEquals(conditionalType, type))
            return true;
        return conditionalType is NamedType named && TypeRefs.IsAbstractType(named) && TypeRefs.IsSubType(schema, named, type);
    }

    private static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (DirectiveNode directive in directives)
        {
            string name = directive.Name.Value;
            if (name is not ("skip" or "include"))
                continue;
            foreach (ArgumentNode argument in directive.Arguments)
            {
                if (argument.Name.Value == "if" && argument.Value is BooleanValueNode condition && condition.Value == (name == "skip"))
                    return false;
            }
        }
        return true;
    }
}
