using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.3.1 Field Selections: a selected field must be defined on the parent type. Suggests the types that
/// do define it (for abstract parents), else similarly named fields.
/// </summary>
public sealed class FieldsOnCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterField(FieldNode node)
    {
        NamedType? type = Context.ParentType;
        if (type is null || Context.FieldDefinition is not null)
            return;

        string fieldName = node.Name.Value;
        string suggestion = DidYouMean.Format(SuggestedTypeNames(Context.Schema, type, fieldName), "to use an inline fragment on");
        if (suggestion.Length == 0)
            suggestion = DidYouMean.Format(DidYouMean.SuggestionList(fieldName, TypeRefs.FieldNames(type)));
        ReportError($"Cannot query field \"{fieldName}\" on type \"{type.Name}\".{suggestion}", node);
    }

    /// <summary>
    /// The object and interface types, among the possible types of an abstract type, that define the field: most
    /// often-implemented interfaces first, then super types before subtypes, then by name.
    /// </summary>
    private static List<string> SuggestedTypeNames(Schema schema, NamedType type, string fieldName)
    {
        var result = new List<string>();
        if (!TypeRefs.IsAbstractType(type))
            return result;

        var suggested = new List<NamedType>();
        var usageCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (ObjectType possibleType in TypeRefs.PossibleTypes(schema, type))
        {
            if (TypeRefs.GetField(possibleType, fieldName) is null)
                continue;
            if (!usageCount.ContainsKey(possibleType.Name))
                suggested.Add(possibleType);
            usageCount[possibleType.Name] = 1;
            foreach (InterfaceType possibleInterface in TypeRefs.Interfaces(possibleType))
            {
                if (TypeRefs.GetField(possibleInterface, fieldName) is null)
                    continue;
                if (!usageCount.ContainsKey(possibleInterface.Name))
                    suggested.Add(possibleInterface);
                usageCount[possibleInterface.Name] = usageCount.GetValueOrDefault(possibleInterface.Name) + 1;
            }
        }

        suggested.Sort((a, b) =>
        {
            int diff = usageCount[b.Name] - usageCount[a.Name];
            if (diff != 0)
                return diff;
            if (a is InterfaceType && TypeRefs.IsSubType(schema, a, b))
                return -1;
            if (b is InterfaceType && TypeRefs.IsSubType(schema, b, a))
                return 1;
            return DidYouMean.NaturalCompare(a.Name, b.Name);
        });
        foreach (NamedType t in suggested)
            result.Add(t.Name);
        return result;
    }
}
