using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// A validation rule: a visitor over the document, called by <see cref="ValidationWalker"/> as it walks the
/// document once for all rules (graphql-js's parallel visitor). Override only the methods the rule needs; the
/// walker calls a rule only for the node kinds it overrides. A rule instance lives for one validation run.
/// </summary>
public abstract class ValidationRule
{
    protected ValidationRule(ValidationContext context)
    {
        Context = context;
    }

    protected ValidationContext Context { get; }

    /// <summary>Set by <see cref="SkipChildren"/>; the walker reads and clears it after each enter call.</summary>
    internal bool SkipRequested;

    /// <summary>This rule's position in the walker's rule list.</summary>
    internal int Index;

    /// <summary>
    /// Called from an Enter method: do not call this rule for the entered node's children, nor its Leave for
    /// that node (graphql-js's <c>return false</c>).
    /// </summary>
    protected void SkipChildren() => SkipRequested = true;

    protected void ReportError(string message, SyntaxNode node) => Context.ReportError(message, node);

    public virtual void EnterDocument(DocumentNode node) { }
    public virtual void LeaveDocument(DocumentNode node) { }
    public virtual void EnterOperationDefinition(OperationDefinitionNode node) { }
    public virtual void LeaveOperationDefinition(OperationDefinitionNode node) { }
    public virtual void EnterVariableDefinition(VariableDefinitionNode node) { }
    public virtual void LeaveVariableDefinition(VariableDefinitionNode node) { }
    public virtual void EnterSelectionSet(SelectionSetNode node) { }
    public virtual void LeaveSelectionSet(SelectionSetNode node) { }
    public virtual void EnterField(FieldNode node) { }
    public virtual void LeaveField(FieldNode node) { }
    public virtual void EnterArgument(ArgumentNode node) { }
    public virtual void LeaveArgument(ArgumentNode node) { }
    public virtual void EnterFragmentSpread(FragmentSpreadNode node) { }
    public virtual void EnterInlineFragment(InlineFragmentNode node) { }
    public virtual void LeaveInlineFragment(InlineFragmentNode node) { }
    public virtual void EnterFragmentDefinition(FragmentDefinitionNode node) { }
    public virtual void LeaveFragmentDefinition(FragmentDefinitionNode node) { }
    public virtual void EnterDirective(DirectiveNode node) { }
    public virtual void LeaveDirective(DirectiveNode node) { }
    public virtual void EnterVariable(VariableNode node) { }
    public virtual void EnterIntValue(IntValueNode node) { }
    public virtual void EnterFloatValue(FloatValueNode node) { }
    public virtual void EnterStringValue(StringValueNode node) { }
    public virtual void EnterBooleanValue(BooleanValueNode node) { }
    public virtual void EnterNullValue(NullValueNode node) { }
    public virtual void EnterEnumValue(EnumValueNode node) { }
    public virtual void EnterListValue(ListValueNode node) { }
    public virtual void LeaveListValue(ListValueNode node) { }
    public virtual void EnterObjectValue(ObjectValueNode node) { }
    public virtual void LeaveObjectValue(ObjectValueNode node) { }
    public virtual void EnterObjectField(ObjectFieldNode node) { }
    public virtual void LeaveObjectField(ObjectFieldNode node) { }
    public virtual void EnterNamedType(NamedTypeNode node) { }

    /// <summary>
    /// Called for every node that can carry directives (operations, fields, fragments, variable definitions and
    /// type-system nodes) as it is entered, before the directives themselves are visited.
    /// </summary>
    public virtual void EnterDirectivesOwner(SyntaxNode node, IReadOnlyList<DirectiveNode> directives) { }

    /// <summary>
    /// Called for each top-level type-system definition or extension (schema, types, directives) as it is
    /// entered; the SDL rules switch on its kind.
    /// </summary>
    public virtual void EnterTypeSystemDefinition(DefinitionNode node) { }

    /// <summary>Called for each field, argument, input field and enum value definition in SDL.</summary>
    public virtual void EnterTypeSystemMember(SyntaxNode node) { }
}
