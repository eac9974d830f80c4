using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// Finds the variables used in one operation or fragment definition (not following spreads), tracking the input
/// type at each use. Variable definitions are not visited: a default value cannot use variables.
/// </summary>
internal sealed class VariableUsageCollector
{
    private readonly TypeInfo? _typeInfo;
    private readonly List<VariableUsage> _usages = [];

    private VariableUsageCollector(Schema? schema)
    {
        if (schema is not null)
            _typeInfo = new TypeInfo(schema);
    }

    public static IReadOnlyList<VariableUsage> Collect(Schema? schema, ExecutableDefinitionNode definition)
    {
        var collector = new VariableUsageCollector(schema);
        switch (definition)
        {
            case OperationDefinitionNode operation:
                collector._typeInfo?.EnterOperationDefinition(operation);
                collector.VisitDirectives(operation.Directives);
                collector.VisitSelectionSet(operation.SelectionSet);
                break;
            case FragmentDefinitionNode fragment:
                collector._typeInfo?.EnterFragmentDefinition(fragment);
                collector.VisitDirectives(fragment.Directives);
                collector.VisitSelectionSet(fragment.SelectionSet);
                break;
        }
        return collector._usages.Count == 0 ? [] : collector._usages;
    }

    private void VisitSelectionSet(SelectionSetNode node)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        _typeInfo?.EnterSelectionSet();
        IReadOnlyList<SelectionNode> selections = node.Selections;
        for (int i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldNode field:
                    _typeInfo?.EnterField(field);
                    VisitArguments(field.Arguments);
                    VisitDirectives(field.Directives);
                    if (field.SelectionSet is not null)
                        VisitSelectionSet(field.SelectionSet);
                    _typeInfo?.LeaveField();
                    break;
                case FragmentSpreadNode spread:
                    VisitDirectives(spread.Directives);
                    break;
                case InlineFragmentNode inline:
                    _typeInfo?.EnterInlineFragment(inline);
                    VisitDirectives(inline.Directives);
                    VisitSelectionSet(inline.SelectionSet);
                    _typeInfo?.LeaveInlineFragment();
                    break;
            }
        }
        _typeInfo?.LeaveSelectionSet();
    }

    private void VisitDirectives(IReadOnlyList<DirectiveNode> directives)
    {
        for (int i = 0; i < directives.Count; i++)
        {
            _typeInfo?.EnterDirective(directives[i]);
            VisitArguments(directives[i].Arguments);
            _typeInfo?.LeaveDirective();
        }
    }

    private void VisitArguments(IReadOnlyList<ArgumentNode> arguments)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            _typeInfo?.EnterArgument(arguments[i]);
            VisitValue(arguments[i].Value);
            _typeInfo?.LeaveArgument();
        }
    }

    private void VisitValue(ValueNode value)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (value)
        {
            case VariableNode variable:
                _usages.Add(new VariableUsage(
                    variable,
                    _typeInfo?.InputType,
                    _typeInfo?.HasDefaultValue ?? false,
                    _typeInfo?.ParentInputType));
                break;
            case ListValueNode list:
                _typeInfo?.EnterListValue();
                for (int i = 0; i < list.Values.Count; i++)
                    VisitValue(list.Values[i]);
                _typeInfo?.LeaveListValue();
                break;
            case ObjectValueNode obj:
                for (int i = 0; i < obj.Fields.Count; i++)
                {
                    _typeInfo?.EnterObjectField(obj.Fields[i]);
                    VisitValue(obj.Fields[i].Value);
                    _typeInfo?.LeaveObjectField();
                }
                break;
        }
    }
}
