using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>SDL: each enum value is defined once per enum, across its definition and extensions.</summary>
public sealed class UniqueEnumValueNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, Dictionary<string, NameNode>> _known = new(StringComparer.Ordinal);

    public override void EnterTypeSystemDefinition(DefinitionNode node)
    {
        (NameNode Name, IReadOnlyList<EnumValueDefinitionNode> Values)? enumNode = node switch
        {
            EnumTypeDefinitionNode definition => (definition.Name, definition.Values),
            EnumTypeExtensionNode extension => (extension.Name, extension.Values),
            _ => null,
        };
        if (enumNode is null)
            return;

        string typeName = enumNode.Value.Name.Value;
        if (!_known.TryGetValue(typeName, out Dictionary<string, NameNode>? names))
        {
            names = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            _known.Add(typeName, names);
        }
        var existing = Context.SchemaOrNull?.GetType(typeName) as EnumType;
        foreach (EnumValueDefinitionNode value in enumNode.Value.Values)
        {
            string valueName = value.Name.Value;
            if (existing is not null && TypeRefs.GetEnumValue(existing, valueName) is not null)
            {
                ReportError(
                    $"Enum value \"{typeName}.{valueName}\" already exists in the schema. It cannot also be defined in this type extension.",
                    value.Name);
            }
            else if (names.TryGetValue(valueName, out NameNode? first))
            {
                Context.ReportError($"Enum value \"{typeName}.{valueName}\" can only be defined once.", first, value.Name);
            }
            else
            {
                names.Add(valueName, value.Name);
            }
        }
    }
}
