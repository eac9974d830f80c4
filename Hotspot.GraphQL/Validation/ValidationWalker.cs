using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// Walks a document once, in graphql-js's visiting order, keeping <see cref="TypeInfo"/> current and calling every
/// rule that overrides the hook for each node (graphql-js's <c>visitInParallel</c> + <c>visitWithTypeInfo</c>).
/// A rule that calls <see cref="ValidationRule.SkipChildren"/> is not called again until that node is left.
/// </summary>
internal sealed class ValidationWalker
{
    private readonly RuleDispatchTable _rules;
    private readonly TypeInfo? _typeInfo;
    private readonly List<SyntaxNode> _ancestors;
    private readonly SyntaxNode?[] _skipping;
    private int _skippingCount;

    // Variable usages of the definition being walked, handed to the context so that rules asking for them at the
    // end of an operation do not walk it a second time.
    private readonly ValidationContext? _usageSink;
    private List<VariableUsage>? _usages;
    private bool _inVariableDefinition;

    public ValidationWalker(object ruleList, ValidationRule[] rules, TypeInfo? typeInfo, List<SyntaxNode> ancestors, ValidationContext? usageSink = null)
    {
        _usageSink = typeInfo is null ? null : usageSink;
        _rules = new RuleDispatchTable(ruleList, rules);
        _typeInfo = typeInfo;
        _ancestors = ancestors;
        _skipping = new SyntaxNode?[rules.Length];
        for (int i = 0; i < rules.Length; i++)
            rules[i].Index = i;
    }

    public void Walk(DocumentNode document)
    {
        foreach (ValidationRule rule in _rules[VisitorHook.EnterDocument])
            if (_skipping[rule.Index] is null) { rule.EnterDocument(document); AfterEnter(rule, document); }
        _ancestors.Add(document);
        IReadOnlyList<DefinitionNode> definitions = document.Definitions;
        for (int i = 0; i < definitions.Count; i++)
            WalkDefinition(definitions[i]);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveDocument])
            if (_skipping[rule.Index] is null) rule.LeaveDocument(document);
        ClearSkips(document);
    }

    private void WalkDefinition(DefinitionNode definition)
    {
        switch (definition)
        {
            case OperationDefinitionNode operation:
                WalkOperation(operation);
                break;
            case FragmentDefinitionNode fragment:
                WalkFragmentDefinition(fragment);
                break;
            default:
                WalkTypeSystemDefinition(definition);
                break;
        }
    }

    private void WalkOperation(OperationDefinitionNode node)
    {
        _typeInfo?.EnterOperationDefinition(node);
        foreach (ValidationRule rule in _rules[VisitorHook.EnterOperationDefinition])
            if (_skipping[rule.Index] is null) { rule.EnterOperationDefinition(node); AfterEnter(rule, node); }
        EnterDirectivesOwner(node, node.Directives);
        _ancestors.Add(node);
        IReadOnlyList<VariableDefinitionNode> variables = node.VariableDefinitions;
        for (int i = 0; i < variables.Count; i++)
            WalkVariableDefinition(variables[i]);
        WalkDirectives(node.Directives);
        WalkSelectionSet(node.SelectionSet);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        FlushUsages(node);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveOperationDefinition])
            if (_skipping[rule.Index] is null) rule.LeaveOperationDefinition(node);
        ClearSkips(node);
        _typeInfo?.LeaveOperationDefinition();
    }

    private void WalkFragmentDefinition(FragmentDefinitionNode node)
    {
        _typeInfo?.EnterFragmentDefinition(node);
        foreach (ValidationRule rule in _rules[VisitorHook.EnterFragmentDefinition])
            if (_skipping[rule.Index] is null) { rule.EnterFragmentDefinition(node); AfterEnter(rule, node); }
        EnterDirectivesOwner(node, node.Directives);
        _ancestors.Add(node);
        IReadOnlyList<VariableDefinitionNode> variables = node.VariableDefinitions;
        for (int i = 0; i < variables.Count; i++)
            WalkVariableDefinition(variables[i]);
        WalkNamedType(node.TypeCondition);
        WalkDirectives(node.Directives);
        WalkSelectionSet(node.SelectionSet);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        FlushUsages(node);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveFragmentDefinition])
            if (_skipping[rule.Index] is null) rule.LeaveFragmentDefinition(node);
        ClearSkips(node);
        _typeInfo?.LeaveFragmentDefinition();
    }

    private void WalkVariableDefinition(VariableDefinitionNode node)
    {
        _typeInfo?.EnterVariableDefinition(node);
        foreach (ValidationRule rule in _rules[VisitorHook.EnterVariableDefinition])
            if (_skipping[rule.Index] is null) { rule.EnterVariableDefinition(node); AfterEnter(rule, node); }
        EnterDirectivesOwner(node, node.Directives);
        _ancestors.Add(node);
        _inVariableDefinition = true;
        WalkValue(node.Variable);
        WalkType(node.Type);
        if (node.DefaultValue is not null)
            WalkValue(node.DefaultValue);
        WalkDirectives(node.Directives);
        _inVariableDefinition = false;
        _ancestors.RemoveAt(_ancestors.Count - 1);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveVariableDefinition])
            if (_skipping[rule.Index] is null) rule.LeaveVariableDefinition(node);
        ClearSkips(node);
        _typeInfo?.LeaveVariableDefinition();
    }

    private void WalkSelectionSet(SelectionSetNode node)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        _typeInfo?.EnterSelectionSet();
        foreach (ValidationRule rule in _rules[VisitorHook.EnterSelectionSet])
            if (_skipping[rule.Index] is null) { rule.EnterSelectionSet(node); AfterEnter(rule, node); }
        _ancestors.Add(node);
        IReadOnlyList<SelectionNode> selections = node.Selections;
        for (int i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldNode field:
                    WalkField(field);
                    break;
                case FragmentSpreadNode spread:
                    WalkFragmentSpread(spread);
                    break;
                case InlineFragmentNode inline:
                    WalkInlineFragment(inline);
                    break;
            }
        }
        _ancestors.RemoveAt(_ancestors.Count - 1);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveSelectionSet])
            if (_skipping[rule.Index] is null) rule.LeaveSelectionSet(node);
        ClearSkips(node);
        _typeInfo?.LeaveSelectionSet();
    }

    private void WalkField(FieldNode node)
    {
        _typeInfo?.EnterField(node);
        foreach (ValidationRule rule in _rules[VisitorHook.EnterField])
            if (_skipping[rule.Index] is null) { rule.EnterField(node); AfterEnter(rule, node); }
        EnterDirectivesOwner(node, node.Directives);
        _ancestors.Add(node);
        IReadOnlyList<ArgumentNode> arguments = node.Arguments;
        for (int i = 0; i < arguments.Count; i++)
            WalkArgument(arguments[i]);
        WalkDirectives(node.Directives);
        if (node.SelectionSet is not null)
            WalkSelectionSet(node.SelectionSet);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveField])
            if (_skipping[rule.Index] is null) rule.LeaveField(node);
        ClearSkips(node);
        _typeInfo?.LeaveField();
    }

    private void WalkFragmentSpread(FragmentSpreadNode node)
    {
        foreach (ValidationRule rule in _rules[VisitorHook.EnterFragmentSpread])
            if (_skipping[rule.Index] is null) { rule.EnterFragmentSpread(node); AfterEnter(rule, node); }
        EnterDirectivesOwner(node, node.Directives);
        _ancestors.Add(node);
        WalkDirectives(node.Directives);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        ClearSkips(node);
    }

    private void WalkInlineFragment(InlineFragmentNode node)
    {
        _typeInfo?.EnterInlineFragment(node);
        foreach (ValidationRule rule in _rules[VisitorHook.EnterInlineFragment])
            if (_skipping[rule.Index] is null) { rule.EnterInlineFragment(node); AfterEnter(rule, node); }
        EnterDirectivesOwner(node, node.Directives);
        _ancestors.Add(node);
        if (node.TypeCondition is not null)
            WalkNamedType(node.TypeCondition);
        WalkDirectives(node.Directives);
        WalkSelectionSet(node.SelectionSet);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveInlineFragment])
            if (_skipping[rule.Index] is null) rule.LeaveInlineFragment(node);
        ClearSkips(node);
        _typeInfo?.LeaveInlineFragment();
    }

    private void WalkArgument(ArgumentNode node)
    {
        _typeInfo?.EnterArgument(node);
        foreach (ValidationRule rule in _rules[VisitorHook.EnterArgument])
            if (_skipping[rule.Index] is null) { rule.EnterArgument(node); AfterEnter(rule, node); }
        _ancestors.Add(node);
        WalkValue(node.Value);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveArgument])
            if (_skipping[rule.Index] is null) rule.LeaveArgument(node);
        ClearSkips(node);
        _typeInfo?.LeaveArgument();
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives)
    {
        for (int i = 0; i < directives.Count; i++)
            WalkDirective(directives[i]);
    }

    private void WalkDirective(DirectiveNode node)
    {
        _typeInfo?.EnterDirective(node);
        foreach (ValidationRule rule in _rules[VisitorHook.EnterDirective])
            if (_skipping[rule.Index] is null) { rule.EnterDirective(node); AfterEnter(rule, node); }
        _ancestors.Add(node);
        IReadOnlyList<ArgumentNode> arguments = node.Arguments;
        for (int i = 0; i < arguments.Count; i++)
            WalkArgument(arguments[i]);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveDirective])
            if (_skipping[rule.Index] is null) rule.LeaveDirective(node);
        ClearSkips(node);
        _typeInfo?.LeaveDirective();
    }

    private void WalkValue(ValueNode node)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case VariableNode variable:
                if (_usageSink is not null && !_inVariableDefinition)
                {
                    (_usages ??= []).Add(new VariableUsage(
                        variable, _typeInfo!.InputType, _typeInfo.HasDefaultValue, _typeInfo.ParentInputType));
                }
                foreach (ValidationRule rule in _rules[VisitorHook.EnterVariable])
                    if (_skipping[rule.Index] is null) { rule.EnterVariable(variable); AfterEnter(rule, node); }
                ClearSkips(node);
                break;
            case IntValueNode intValue:
                foreach (ValidationRule rule in _rules[VisitorHook.EnterIntValue])
                    if (_skipping[rule.Index] is null) { rule.EnterIntValue(intValue); AfterEnter(rule, node); }
                ClearSkips(node);
                break;
            case FloatValueNode floatValue:
                foreach (ValidationRule rule in _rules[VisitorHook.EnterFloatValue])
                    if (_skipping[rule.Index] is null) { rule.EnterFloatValue(floatValue); AfterEnter(rule, node); }
                ClearSkips(node);
                break;
            case StringValueNode stringValue:
                foreach (ValidationRule rule in _rules[VisitorHook.EnterStringValue])
                    if (_skipping[rule.Index] is null) { rule.EnterStringValue(stringValue); AfterEnter(rule, node); }
                ClearSkips(node);
                break;
            case BooleanValueNode booleanValue:
                foreach (ValidationRule rule in _rules[VisitorHook.EnterBooleanValue])
                    if (_skipping[rule.Index] is null) { rule.EnterBooleanValue(booleanValue); AfterEnter(rule, node); }
                ClearSkips(node);
                break;
            case NullValueNode nullValue:
                foreach (ValidationRule rule in _rules[VisitorHook.EnterNullValue])
                    if (_skipping[rule.Index] is null) { rule.EnterNullValue(nullValue); AfterEnter(rule, node); }
                ClearSkips(node);
                break;
            case EnumValueNode enumValue:
                _typeInfo?.EnterEnumValue(enumValue);
                foreach (ValidationRule rule in _rules[VisitorHook.EnterEnumValue])
                    if (_skipping[rule.Index] is null) { rule.EnterEnumValue(enumValue); AfterEnter(rule, node); }
                ClearSkips(node);
                _typeInfo?.LeaveEnumValue();
                break;
            case ListValueNode list:
                WalkListValue(list);
                break;
            case ObjectValueNode obj:
                WalkObjectValue(obj);
                break;
        }
    }

    private void WalkListValue(ListValueNode node)
    {
        _typeInfo?.EnterListValue();
        foreach (ValidationRule rule in _rules[VisitorHook.EnterListValue])
            if (_skipping[rule.Index] is null) { rule.EnterListValue(node); AfterEnter(rule, node); }
        _ancestors.Add(node);
        IReadOnlyList<ValueNode> values = node.Values;
        for (int i = 0; i < values.Count; i++)
            WalkValue(values[i]);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveListValue])
            if (_skipping[rule.Index] is null) rule.LeaveListValue(node);
        ClearSkips(node);
        _typeInfo?.LeaveListValue();
    }

    private void WalkObjectValue(ObjectValueNode node)
    {
        foreach (ValidationRule rule in _rules[VisitorHook.EnterObjectValue])
            if (_skipping[rule.Index] is null) { rule.EnterObjectValue(node); AfterEnter(rule, node); }
        _ancestors.Add(node);
        IReadOnlyList<ObjectFieldNode> fields = node.Fields;
        for (int i = 0; i < fields.Count; i++)
            WalkObjectField(fields[i]);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveObjectValue])
            if (_skipping[rule.Index] is null) rule.LeaveObjectValue(node);
        ClearSkips(node);
    }

    private void WalkObjectField(ObjectFieldNode node)
    {
        _typeInfo?.EnterObjectField(node);
        foreach (ValidationRule rule in _rules[VisitorHook.EnterObjectField])
            if (_skipping[rule.Index] is null) { rule.EnterObjectField(node); AfterEnter(rule, node); }
        _ancestors.Add(node);
        WalkValue(node.Value);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        foreach (ValidationRule rule in _rules[VisitorHook.LeaveObjectField])
            if (_skipping[rule.Index] is null) rule.LeaveObjectField(node);
        ClearSkips(node);
        _typeInfo?.LeaveObjectField();
    }

    private void WalkType(TypeNode node)
    {
        switch (node)
        {
            case NamedTypeNode named:
                WalkNamedType(named);
                break;
            case ListTypeNode list:
                _ancestors.Add(list);
                WalkType(list.Type);
                _ancestors.RemoveAt(_ancestors.Count - 1);
                break;
            case NonNullTypeNode nonNull:
                _ancestors.Add(nonNull);
                WalkType(nonNull.Type);
                _ancestors.RemoveAt(_ancestors.Count - 1);
                break;
        }
    }

    private void WalkNamedType(NamedTypeNode node)
    {
        foreach (ValidationRule rule in _rules[VisitorHook.EnterNamedType])
            if (_skipping[rule.Index] is null) { rule.EnterNamedType(node); AfterEnter(rule, node); }
        ClearSkips(node);
    }

    private void EnterDirectivesOwner(SyntaxNode node, IReadOnlyList<DirectiveNode> directives)
    {
        foreach (ValidationRule rule in _rules[VisitorHook.EnterDirectivesOwner])
            if (_skipping[rule.Index] is null) { rule.EnterDirectivesOwner(node, directives); AfterEnter(rule, node); }
    }

    // ---- Type-system definitions (SDL), in graphql-js's visiting order; descriptions are not visited.

    private void WalkTypeSystemDefinition(DefinitionNode node)
    {
        foreach (ValidationRule rule in _rules[VisitorHook.EnterTypeSystemDefinition])
            if (_skipping[rule.Index] is null) { rule.EnterTypeSystemDefinition(node); AfterEnter(rule, node); }
        if (node is IHasDirectives owner)
            EnterDirectivesOwner(node, owner.Directives);
        _ancestors.Add(node);
        switch (node)
        {
            case SchemaDefinitionNode schema:
                WalkDirectives(schema.Directives);
                WalkOperationTypes(schema.OperationTypes);
                break;
            case SchemaExtensionNode schemaExtension:
                WalkDirectives(schemaExtension.Directives);
                WalkOperationTypes(schemaExtension.OperationTypes);
                break;
            case ScalarTypeDefinitionNode scalar:
                WalkDirectives(scalar.Directives);
                break;
            case ScalarTypeExtensionNode scalarExtension:
                WalkDirectives(scalarExtension.Directives);
                break;
            case ObjectTypeDefinitionNode obj:
                WalkNamedTypes(obj.Interfaces);
                WalkDirectives(obj.Directives);
                WalkFieldDefinitions(obj.Fields);
                break;
            case ObjectTypeExtensionNode objExtension:
                WalkNamedTypes(objExtension.Interfaces);
                WalkDirectives(objExtension.Directives);
                WalkFieldDefinitions(objExtension.Fields);
                break;
            case InterfaceTypeDefinitionNode iface:
                WalkNamedTypes(iface.Interfaces);
                WalkDirectives(iface.Directives);
                WalkFieldDefinitions(iface.Fields);
                break;
            case InterfaceTypeExtensionNode ifaceExtension:
                WalkNamedTypes(ifaceExtension.Interfaces);
                WalkDirectives(ifaceExtension.Directives);
                WalkFieldDefinitions(ifaceExtension.Fields);
                break;
            case UnionTypeDefinitionNode union:
                WalkDirectives(union.Directives);
                WalkNamedTypes(union.Types);
                break;
            case UnionTypeExtensionNode unionExtension:
                WalkDirectives(unionExtension.Directives);
                WalkNamedTypes(unionExtension.Types);
                break;
            case EnumTypeDefinitionNode enumType:
                WalkDirectives(enumType.Directives);
                WalkEnumValueDefinitions(enumType.Values);
                break;
            case EnumTypeExtensionNode enumExtension:
                WalkDirectives(enumExtension.Directives);
                WalkEnumValueDefinitions(enumExtension.Values);
                break;
            case InputObjectTypeDefinitionNode input:
                WalkDirectives(input.Directives);
                WalkInputValueDefinitions(input.Fields);
                break;
            case InputObjectTypeExtensionNode inputExtension:
                WalkDirectives(inputExtension.Directives);
                WalkInputValueDefinitions(inputExtension.Fields);
                break;
            case DirectiveDefinitionNode directive:
                WalkInputValueDefinitions(directive.Arguments);
                break;
        }
        _ancestors.RemoveAt(_ancestors.Count - 1);
        ClearSkips(node);
    }

    private void WalkOperationTypes(IReadOnlyList<OperationTypeDefinitionNode> operationTypes)
    {
        for (int i = 0; i < operationTypes.Count; i++)
        {
            _ancestors.Add(operationTypes[i]);
            WalkNamedType(operationTypes[i].Type);
            _ancestors.RemoveAt(_ancestors.Count - 1);
        }
    }

    private void WalkNamedTypes(IReadOnlyList<NamedTypeNode> types)
    {
        for (int i = 0; i < types.Count; i++)
            WalkNamedType(types[i]);
    }

    private void WalkFieldDefinitions(IReadOnlyList<FieldDefinitionNode> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            FieldDefinitionNode field = fields[i];
            EnterTypeSystemMember(field);
            EnterDirectivesOwner(field, field.Directives);
            _ancestors.Add(field);
            WalkInputValueDefinitions(field.Arguments);
            WalkType(field.Type);
            WalkDirectives(field.Directives);
            _ancestors.RemoveAt(_ancestors.Count - 1);
            ClearSkips(field);
        }
    }

    private void WalkInputValueDefinitions(IReadOnlyList<InputValueDefinitionNode> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            InputValueDefinitionNode value = values[i];
            EnterTypeSystemMember(value);
            EnterDirectivesOwner(value, value.Directives);
            _ancestors.Add(value);
            WalkType(value.Type);
            if (value.DefaultValue is not null)
                WalkValue(value.DefaultValue);
            WalkDirectives(value.Directives);
            _ancestors.RemoveAt(_ancestors.Count - 1);
            ClearSkips(value);
        }
    }

    private void WalkEnumValueDefinitions(IReadOnlyList<EnumValueDefinitionNode> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            EnumValueDefinitionNode value = values[i];
            EnterTypeSystemMember(value);
            EnterDirectivesOwner(value, value.Directives);
            _ancestors.Add(value);
            WalkDirectives(value.Directives);
            _ancestors.RemoveAt(_ancestors.Count - 1);
            ClearSkips(value);
        }
    }

    private void EnterTypeSystemMember(SyntaxNode node)
    {
        foreach (ValidationRule rule in _rules[VisitorHook.EnterTypeSystemMember])
            if (_skipping[rule.Index] is null) { rule.EnterTypeSystemMember(node); AfterEnter(rule, node); }
    }

    private void FlushUsages(ExecutableDefinitionNode definition)
    {
        if (_usageSink is null)
            return;
        _usageSink.RecordVariableUsages(definition, _usages is null ? [] : _usages);
        _usages = null;
    }

    // ---- Skipping (graphql-js: an enter callback returning false).

    private void AfterEnter(ValidationRule rule, SyntaxNode node)
    {
        if (rule.SkipRequested)
        {
            rule.SkipRequested = false;
            _skipping[rule.Index] = node;
            _skippingCount++;
        }
    }

    private void ClearSkips(SyntaxNode node)
    {
        if (_skippingCount == 0)
            return;
        for (int i = 0; i < _skipping.Length; i++)
        {
            if (ReferenceEquals(_skipping[i], node))
            {
                _skipping[i] = null;
                _skippingCount--;
            }
        }
    }
}
