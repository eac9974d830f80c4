using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.3 Fragment Spread Is Possible: the fragment's type and the parent type share a possible type.</summary>
public sealed class PossibleFragmentSpreadsRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterInlineFragment(InlineFragmentNode node)
    {
        GraphQLType? fragType = Context.Type;
        NamedType? parentType = Context.ParentType;
        if (fragType is NamedType fragNamed && TypeRefs.IsCompositeType(fragNamed) &&
            parentType is not null && TypeRefs.IsCompositeType(parentType) &&
            !TypeRefs.DoTypesOverlap(Context.Schema, fragNamed, parentType))
        {
            ReportError(
                $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragNamed.Name}\".",
                node);
        }
    }

    public override void EnterFragmentSpread(FragmentSpreadNode node)
    {
        string fragName = node.Name.Value;
        NamedType? fragType = FragmentType(fragName);
        NamedType? parentType = Context.ParentType;
        if (fragType is not null && parentType is not null && !TypeRefs.DoTypesOverlap(Context.Schema, fragType, parentType))
        {
            ReportError(
                $"Fragment \"{fragName}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragType.Name}\".",
                node);
        }
    }

    private NamedType? FragmentType(string name)
    {
        FragmentDefinitionNode? fragment = Context.GetFragment(name);
        if (fragment is null)
            return null;
        return TypeRefs.FromAst(Context.Schema, fragment.TypeCondition) is NamedType named && TypeRefs.IsCompositeType(named)
            ? named
            : null;
    }
}
