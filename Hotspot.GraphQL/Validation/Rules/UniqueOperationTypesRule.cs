using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>SDL: each operation type (query, mutation, subscription) is given one root type.</summary>
public sealed class UniqueOperationTypesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<OperationType, OperationTypeDefinitionNode> _defined = [];

    public override void EnterTypeSystemDefinition(DefinitionNode node)
    {
        IReadOnlyList<OperationTypeDefinitionNode>? operationTypes = node switch
        {
            SchemaDefinitionNode schema => schema.OperationTypes,
            SchemaExtensionNode extension => extension.OperationTypes,
            _ => null,
        };
        if (operationTypes is null)
            return;
        foreach (OperationTypeDefinitionNode operationType in operationTypes)
        {
            OperationType operation = operationType.Operation;
            string name = operation.ToString().ToLowerInvariant();
            if (Context.SchemaOrNull is not null && TypeRefs.RootType(Context.SchemaOrNull, operation) is not null)
                ReportError($"Type for {name} already defined in the schema. It cannot be redefined.", operationType);
            else if (_defined.TryGetValue(operation, out OperationTypeDefinitionNode? first))
                Context.ReportError($"There can be only one {name} type in schema.", first, operationType);
            else
                _defined.Add(operation, operationType);
        }
    }
}
