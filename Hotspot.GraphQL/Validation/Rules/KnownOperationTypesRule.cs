using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec (September 2025) 5.2.1.1 Operation Type Existence: the schema has a root type for each operation's type.
/// graphql-js 17's rule of the same name; graphql-js 16 only fails such operations at execution.
/// </summary>
public sealed class KnownOperationTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (TypeRefs.RootType(Context.Schema, node.Operation) is null)
            ReportError($"The {node.Operation.ToString().ToLowerInvariant()} operation is not supported by the schema.", node);
        SkipChildren();
    }
}
