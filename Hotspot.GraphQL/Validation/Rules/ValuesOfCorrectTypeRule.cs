using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.6.1 Values of Correct Type, 5.6.2 Input Object Field Names and 5.6.4 Input Object Required Fields, with
/// the OneOf rules: every literal fits the input type expected where it appears.
/// </summary>
public sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterListValue(ListValueNode node)
    {
        // TypeInfo already stepped into the item type, so the list type is the parent input type.
        if (TypeRefs.NullableType(Context.ParentInputType) is not ListType)
        {
            CheckLeafValue(node);
            SkipChildren();
        }
    }

    public override void EnterObjectValue(ObjectValueNode node)
    {
        if (TypeRefs.NamedType(Context.InputType) is not InputObjectType type)
        {
            CheckLeafValue(node);
            SkipChildren();
            return;
        }

        foreach (InputValueDefinition field in TypeRefs.InputFields(type))
        {
            if (TypeRefs.IsRequired(field) && FindField(node, field.Name) is null)
            {
                ReportError(
                    $"Field \"{type.Name}.{field.Name}\" of required type \"{TypeRefs.Print(field.Type)}\" was not provided.",
                    node);
            }
        }

        if (type.IsOneOf)
            CheckOneOf(node, type);
    }

    public override void EnterObjectField(ObjectFieldNode node)
    {
        if (Context.InputType is null && TypeRefs.NamedType(Context.ParentInputType) is InputObjectType parentType)
        {
            var names = new List<string>();
            foreach (InputValueDefinition field in TypeRefs.InputFields(parentType))
                names.Add(field.Name);
            ReportError(
                $"Field \"{node.Name.Value}\" is not defined by type \"{parentType.Name}\"." +
                DidYouMean.Format(DidYouMean.SuggestionList(node.Name.Value, names)),
                node);
        }
    }

    public override void EnterNullValue(NullValueNode node)
    {
        GraphQLType? type = Context.InputType;
        if (type is NonNullType)
            ReportError($"Expected value of type \"{TypeRefs.Print(type)}\", found null.", node);
    }

    public override void EnterEnumValue(EnumValueNode node) => CheckLeafValue(node);
    public override void EnterIntValue(IntValueNode node) => CheckLeafValue(node);
    public override void EnterFloatValue(FloatValueNode node) => CheckLeafValue(node);
    public override void EnterStringValue(StringValueNode node) => CheckLeafValue(node);
    public override void EnterBooleanValue(BooleanValueNode node) => CheckLeafValue(node);

    /// <summary>A literal where a leaf type (scalar or enum) is expected must parse as that type.</summary>
    private void CheckLeafValue(ValueNode node)
    {
        GraphQLType? locationType = Context.InputType;
        if (locationType is null)
            return;
        NamedType? type = TypeRefs.NamedType(locationType);
        if (!TypeRefs.IsLeafType(type))
        {
            ReportError($"Expected value of type \"{TypeRefs.Print(locationType)}\", found {Printer.Print(node)}.", node);
            return;
        }

        LeafLiteralResult result = LeafLiteralValidator.Check(type!, node, locationType);
        if (result.Error is not null)
            ReportError(result.Error, node);
        else if (!result.IsValid)
            ReportError($"Expected value of type \"{TypeRefs.Print(locationType)}\", found {Printer.Print(node)}.", node);
    }

    private void CheckOneOf(ObjectValueNode node, InputObjectType type)
    {
        // Keyed by name as graphql-js does: a repeated name counts once (UniqueInputFieldNamesRule reports it),
        // and the last occurrence wins.
        IReadOnlyList<ObjectFieldNode> fields = node.Fields;
        if (fields.Count == 0 || !AllNamed(fields, fields[0].Name.Value))
        {
            ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
            return;
        }
        ObjectFieldNode field = fields[^1];
        if (field.Value is NullValueNode)
            ReportError($"Field \"{type.Name}.{field.Name.Value}\" must be non-null.", node);
    }

    private static bool AllNamed(IReadOnlyList<ObjectFieldNode> fields, string name)
    {
        for (int i = 1; i < fields.Count; i++)
        {
            if (fields[i].Name.Value != name)
                return false;
        }
        return true;
    }

    private static ObjectFieldNode? FindField(ObjectValueNode node, string name)
    {
        IReadOnlyList<ObjectFieldNode> fields = node.Fields;
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name.Value == name)
                return fields[i];
        }
        return null;
    }
}
