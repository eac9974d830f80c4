using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// Tracks, while a document is walked, the schema element each node refers to: the parent composite type, the
/// current field definition and output type, the directive and argument being visited, and the input type
/// expected at each value (graphql-js's <c>TypeInfo</c>). The walker calls Enter before a node's rules and Leave
/// after them.
/// </summary>
internal sealed class TypeInfo(Schema schema)
{
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<bool> _defaultValueStack = [];

    public Schema Schema { get; } = schema;

    public GraphQLType? Type => _typeStack.Count > 0 ? _typeStack[^1] : null;
    public NamedType? ParentType => _parentTypeStack.Count > 0 ? _parentTypeStack[^1] : null;
    public GraphQLType? InputType => _inputTypeStack.Count > 0 ? _inputTypeStack[^1] : null;
    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;
    public FieldDefinition? FieldDefinition => _fieldDefStack.Count > 0 ? _fieldDefStack[^1] : null;
    public bool HasDefaultValue => _defaultValueStack.Count > 0 && _defaultValueStack[^1];
    public DirectiveDefinition? Directive { get; private set; }
    public InputValueDefinition? Argument { get; private set; }
    public EnumValueDefinition? EnumValue { get; private set; }

    public void EnterSelectionSet()
    {
        NamedType? named = TypeRefs.NamedType(Type);
        _parentTypeStack.Add(TypeRefs.IsCompositeType(named) ? named : null);
    }

    public void LeaveSelectionSet() => _parentTypeStack.RemoveAt(_parentTypeStack.Count - 1);

    public void EnterField(FieldNode node)
    {
        FieldDefinition? fieldDef = null;
        NamedType? parentType = ParentType;
        if (parentType is not null)
            fieldDef = TypeRefs.FindField(Schema, parentType, node.Name.Value);
        _fieldDefStack.Add(fieldDef);
        _typeStack.Add(fieldDef?.Type);
    }

    public void LeaveField()
    {
        _fieldDefStack.RemoveAt(_fieldDefStack.Count - 1);
        _typeStack.RemoveAt(_typeStack.Count - 1);
    }

    public void EnterDirective(DirectiveNode node) => Directive = Schema.GetDirective(node.Name.Value);

    public void LeaveDirective() => Directive = null;

    public void EnterOperationDefinition(OperationDefinitionNode node) =>
        _typeStack.Add(TypeRefs.RootType(Schema, node.Operation));

    public void LeaveOperationDefinition() => _typeStack.RemoveAt(_typeStack.Count - 1);

    public void EnterInlineFragment(InlineFragmentNode node)
    {
        GraphQLType? type = node.TypeCondition is not null
            ? TypeRefs.FromAst(Schema, node.TypeCondition)
            : TypeRefs.NamedType(Type);
        _typeStack.Add(TypeRefs.IsOutputType(type) ? type : null);
    }

    public void LeaveInlineFragment() => _typeStack.RemoveAt(_typeStack.Count - 1);

    public void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        GraphQLType? type = TypeRefs.FromAst(Schema, node.TypeCondition);
        _typeStack.Add(TypeRefs.IsOutputType(type) ? type : null);
    }

    public void LeaveFragmentDefinition() => _typeStack.RemoveAt(_typeStack.Count - 1);

    public void EnterVariableDefinition(VariableDefinitionNode node)
    {
        GraphQLType? type = TypeRefs.FromAst(Schema, node.Type);
        _inputTypeStack.Add(TypeRefs.IsInputType(type) ? type : null);
    }

    public void LeaveVariableDefinition() => _inputTypeStack.RemoveAt(_inputTypeStack.Count - 1);

    public void EnterArgument(ArgumentNode node)
    {
        InputValueDefinition? argDef = null;
        IReadOnlyList<InputValueDefinition>? arguments = Directive?.Arguments ?? FieldDefinition?.Arguments;
        if (arguments is not null)
        {
            string name = node.Name.Value;
            for (int i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].Name == name)
                {
                    argDef = arguments[i];
                    break;
                }
            }
        }
        Argument = argDef;
        _defaultValueStack.Add(argDef is not null && argDef.HasDefaultValue);
        _inputTypeStack.Add(TypeRefs.IsInputType(argDef?.Type) ? argDef!.Type : null);
    }

    public void LeaveArgument()
    {
        Argument = null;
        _defaultValueStack.RemoveAt(_defaultValueStack.Count - 1);
        _inputTypeStack.RemoveAt(_inputTypeStack.Count - 1);
    }

    public void EnterListValue()
    {
        GraphQLType? listType = TypeRefs.NullableType(InputType);
        GraphQLType? itemType = listType is ListType list ? list.OfType : listType;
        _defaultValueStack.Add(false);
        _inputTypeStack.Add(TypeRefs.IsInputType(itemType) ? itemType : null);
    }

    public void LeaveListValue()
    {
        _defaultValueStack.RemoveAt(_defaultValueStack.Count - 1);
        _inputTypeStack.RemoveAt(_inputTypeStack.Count - 1);
    }

    public void EnterObjectField(ObjectFieldNode node)
    {
        InputValueDefinition? inputField = null;
        if (TypeRefs.NamedType(InputType) is InputObjectType objectType)
            inputField = objectType.GetField(node.Name.Value);
        _defaultValueStack.Add(inputField is not null && inputField.HasDefaultValue);
        _inputTypeStack.Add(TypeRefs.IsInputType(inputField?.Type) ? inputField!.Type : null);
    }

    public void LeaveObjectField()
    {
        _defaultValueStack.RemoveAt(_defaultValueStack.Count - 1);
        _inputTypeStack.RemoveAt(_inputTypeStack.Count - 1);
    }

    public void EnterEnumValue(EnumValueNode node) =>
        EnumValue = TypeRefs.NamedType(InputType) is EnumType enumType ? enumType.GetValue(node.Value) : null;

    public void LeaveEnumValue() => EnumValue = null;
}
