using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>SDL: each field of an object, interface or input object is defined once, across definition and extensions.</summary>
public sealed class UniqueFieldDefinitionNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, Dictionary<string, NameNode>> _known = new(StringComparer.Ordinal);

    public override void EnterTypeSystemDefinition(DefinitionNode node)
    {
        NameNode? typeNameNode;
        var fieldNames = new List<NameNode>();
        switch (node)
        {
            case ObjectTypeDefinitionNode n: typeNameNode = n.Name; AddNames(fieldNames, n.Fields); break;
            case ObjectTypeExtensionNode n: typeNameNode = n.Name; AddNames(fieldNames, n.Fields); break;
            case InterfaceTypeDefinitionNode n: typeNameNode = n.Name; AddNames(fieldNames, n.Fields); break;
            case InterfaceTypeExtensionNode n: typeNameNode = n.Name; AddNames(fieldNames, n.Fields); break;
            case InputObjectTypeDefinitionNode n: typeNameNode = n.Name; AddNames(fieldNames, n.Fields); break;
            case InputObjectTypeExtensionNode n: typeNameNode = n.Name; AddNames(fieldNames, n.Fields); break;
            default: return;
        }

        string typeName = typeNameNode.Value;
        if (!_known.TryGetValue(typeName, out Dictionary<string, NameNode>? names))
        {
            names = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            _known.Add(typeName, names);
        }
        NamedType? existing = Context.SchemaOrNull?.GetType(typeName);
        foreach (NameNode field in fieldNames)
        {
            string fieldName = field.Value;
            if (existing is not null && TypeRefs.HasField(existing, fieldName))
            {
                ReportError(
                    $"Field \"{typeName}.{fieldName}\" already exists in the schema. It cannot also be defined in this type extension.",
                    field);
            }
            else if (names.TryGetValue(fieldName, out NameNode? first))
            {
                Context.ReportError($"Field \"{typeName}.{fieldName}\" can only be defined once.", first, field);
            }
            else
            {
                names.Add(fieldName, field);
            }
        }
    }

    private static void AddNames(List<NameNode> names, IReadOnlyList<FieldDefinitionNode> fields)
    {
        foreach (FieldDefinitionNode field in fields)
            names.Add(field.Name);
    }

    private static void AddNames(List<NameNode> names, IReadOnlyList<InputValueDefinitionNode> fields)
    {
        foreach (InputValueDefinitionNode field in fields)
            names.Add(field.Name);
    }
}
