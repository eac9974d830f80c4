using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.3.1 Lone Anonymous Operation: an anonymous operation must be the only operation.</summary>
public sealed class LoneAnonymousOperationRule(ValidationContext context) : ValidationRule(context)
{
    private int _operationCount;

    public override void EnterDocument(DocumentNode node)
    {
        foreach (DefinitionNode definition in node.Definitions)
        {
            if (definition is OperationDefinitionNode)
                _operationCount++;
        }
    }

    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Name is null && _operationCount > 1)
            ReportError("This anonymous operation must be the only defined operation.", node);
        SkipChildren();
    }

    public override void EnterFragmentDefinition(FragmentDefinitionNode node) => SkipChildren();
}
