using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.8.5 All Variable Usages Are Allowed: a variable's type fits every position it is used in (a nullable
/// variable may fill a non-null position only if it or the position has a default), and a variable filling a
/// OneOf input field is non-null.
/// </summary>
public sealed class VariablesInAllowedPositionRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, VariableDefinitionNode> _definitions = new(StringComparer.Ordinal);

    public override void EnterOperationDefinition(OperationDefinitionNode node) => _definitions.Clear();

    public override void EnterVariableDefinition(VariableDefinitionNode node) =>
        _definitions[node.Variable.Name.Value] = node;

    public override void LeaveOperationDefinition(OperationDefinitionNode operation)
    {
        Schema schema = Context.Schema;
        foreach (VariableUsage usage in Context.GetRecursiveVariableUsages(operation))
        {
            string name = usage.Node.Name.Value;
            if (!_definitions.TryGetValue(name, out VariableDefinitionNode? definition) || usage.Type is null)
                continue;
            GraphQLType? varType = TypeRefs.FromAst(schema, definition.Type);
            if (varType is not null && !IsAllowed(schema, varType, definition.DefaultValue, usage.Type, usage.HasLocationDefaultValue))
            {
                Context.ReportError(
                    $"Variable \"${name}\" of type \"{TypeRefs.Print(varType)}\" used in position expecting type \"{TypeRefs.Print(usage.Type)}\".",
                    definition, usage.Node);
            }
            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && varType is not null && varType is not NonNullType)
            {
                Context.ReportError(
                    $"Variable \"${name}\" is of type \"{TypeRefs.Print(varType)}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    definition, usage.Node);
            }
        }
    }

    private static bool IsAllowed(Schema schema, GraphQLType varType, ValueNode? varDefault, GraphQLType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && varType is not NonNullType)
        {
            bool hasNonNullVariableDefault = varDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !locationHasDefault)
                return false;
            return TypeRefs.IsTypeSubTypeOf(schema, varType, nonNullLocation.OfType);
        }
        return TypeRefs.IsTypeSubTypeOf(schema, varType, locationType);
    }
}
