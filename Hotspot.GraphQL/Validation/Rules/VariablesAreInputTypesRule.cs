using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.2 Variables Are Input Types.</summary>
public sealed class VariablesAreInputTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterVariableDefinition(VariableDefinitionNode node)
    {
        GraphQLType? type = TypeRefs.FromAst(Context.Schema, node.Type);
        if (type is not null && !TypeRefs.IsInputType(type))
        {
            ReportError(
                $"Variable \"${node.Variable.Name.Value}\" cannot be non-input type \"{TypeRefs.Print(node.Type)}\".",
                node.Type);
        }
    }
}
