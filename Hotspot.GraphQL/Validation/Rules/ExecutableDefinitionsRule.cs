using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.1.1 Executable Definitions: a document to execute holds only operations and fragments.</summary>
public sealed class ExecutableDefinitionsRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterDocument(DocumentNode node)
    {
        foreach (DefinitionNode definition in node.Definitions)
        {
            if (definition is ExecutableDefinitionNode)
                continue;
            string name = definition switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                TypeDefinitionNode type => "\"" + type.Name.Value + "\"",
                TypeExtensionNode extension => "\"" + extension.Name.Value + "\"",
                DirectiveDefinitionNode directive => "\"" + directive.Name.Value + "\"",
                _ => "\"" + definition.Kind + "\"",
            };
            ReportError($"The {name} definition is not executable.", definition);
        }
        SkipChildren();
    }
}
