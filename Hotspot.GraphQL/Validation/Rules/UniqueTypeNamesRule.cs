using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>SDL: each type name is defined once, and not again when it exists in the schema being extended.</summary>
public sealed class UniqueTypeNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void EnterTypeSystemDefinition(DefinitionNode node)
    {
        if (node is not TypeDefinitionNode type)
            return;
        string typeName = type.Name.Value;
        if (Context.SchemaOrNull?.GetType(typeName) is not null)
        {
            ReportError($"Type \"{typeName}\" already exists in the schema. It cannot also be defined in this type definition.", type.Name);
            return;
        }
        if (_known.TryGetValue(typeName, out NameNode? first))
            Context.ReportError($"There can be only one type named \"{typeName}\".", first, type.Name);
        else
            _known.Add(typeName, type.Name);
    }
}
