using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.3 Leaf Field Selections: leaves have no selection set; composite fields have a non-empty one.</summary>
public sealed class ScalarLeafsRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterField(FieldNode node)
    {
        GraphQLType? type = Context.Type;
        if (type is null)
            return;
        SelectionSetNode? selectionSet = node.SelectionSet;
        string fieldName = node.Name.Value;
        if (TypeRefs.IsLeafType(TypeRefs.NamedType(type)))
        {
            if (selectionSet is not null)
            {
                ReportError(
                    $"Field \"{fieldName}\" must not have a selection since type \"{TypeRefs.Print(type)}\" has no subfields.",
                    selectionSet);
            }
        }
        else if (selectionSet is null)
        {
            ReportError(
                $"Field \"{fieldName}\" of type \"{TypeRefs.Print(type)}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?",
                node);
        }
        else if (selectionSet.Selections.Count == 0)
        {
            ReportError($"Field \"{fieldName}\" of type \"{TypeRefs.Print(type)}\" must have at least one field selected.", node);
        }
    }
}
