using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>SDL: a schema is defined once, and not again when extending a schema that already has one.</summary>
public sealed class LoneSchemaDefinitionRule(ValidationContext context) : ValidationRule(context)
{
    private readonly bool _alreadyDefined = TypeRefs.HasSchemaDefinition(context.SchemaOrNull);
    private int _count;

    public override void EnterTypeSystemDefinition(DefinitionNode node)
    {
        if (node is not SchemaDefinitionNode)
            return;
        if (_alreadyDefined)
        {
            ReportError("Cannot define a new schema within a schema extension.", node);
            return;
        }
        if (_count > 0)
            ReportError("Must provide only one schema definition.", node);
        _count++;
    }
}
