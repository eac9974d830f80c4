using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>SDL: each argument of a field or directive definition is defined once.</summary>
public sealed class UniqueArgumentDefinitionNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterTypeSystemDefinition(DefinitionNode node)
    {
        switch (node)
        {
            case DirectiveDefinitionNode directive:
                Check("@" + directive.Name.Value, directive.Arguments);
                break;
            case ObjectTypeDefinitionNode n: CheckFields(n.Name.Value, n.Fields); break;
            case ObjectTypeExtensionNode n: CheckFields(n.Name.Value, n.Fields); break;
            case InterfaceTypeDefinitionNode n: CheckFields(n.Name.Value, n.Fields); break;
            case InterfaceTypeExtensionNode n: CheckFields(n.Name.Value, n.Fields); break;
        }
    }

    private void CheckFields(string typeName, IReadOnlyList<FieldDefinitionNode> fields)
    {
        foreach (FieldDefinitionNode field in fields)
            Check(typeName + "." + field.Name.Value, field.Arguments);
    }

    private void Check(string parentName, IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        if (arguments.Count < 2)
            return;
        foreach (var (name, nodes) in NameGroups.Group(arguments, static a => a.Name))
        {
            if (nodes.Count > 1)
                Context.ReportError($"Argument \"{parentName}({name}:)\" can only be defined once.", nodes);
        }
    }
}
