using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.3 Fragments On Composite Types: a type condition names an object, interface or union.</summary>
public sealed class FragmentsOnCompositeTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterInlineFragment(InlineFragmentNode node)
    {
        if (node.TypeCondition is null)
            return;
        GraphQLType? type = TypeRefs.FromAst(Context.Schema, node.TypeCondition);
        if (type is not null && !TypeRefs.IsCompositeType(type))
            ReportError($"Fragment cannot condition on non composite type \"{node.TypeCondition.Name.Value}\".", node.TypeCondition);
    }

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        GraphQLType? type = TypeRefs.FromAst(Context.Schema, node.TypeCondition);
        if (type is not null && !TypeRefs.IsCompositeType(type))
        {
            ReportError(
                $"Fragment \"{node.Name.Value}\" cannot condition on non composite type \"{node.TypeCondition.Name.Value}\".",
                node.TypeCondition);
        }
    }
}
