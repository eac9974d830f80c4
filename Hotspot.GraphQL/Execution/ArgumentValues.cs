using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>Spec 6.4.1 CoerceArgumentValues, with graphql-js's messages (raised as field errors).</summary>
internal static class ArgumentValues
{
    public static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> CoerceArgumentValues(ExecutableInputValue[] definitions,
        IReadOnlyList<ArgumentNode> arguments, IReadOnlyDictionary<string, object?> variables, SyntaxNode owner)
    {
        if (definitions.Length == 0) return Empty;
        var coerced = new Dictionary<string, object?>(definitions.Length, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            var type = definition.Type;
            ArgumentNode? argument = null;
            for (int i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].Name.Value == name)
                {
                    argument = arguments[i];
                    break;
                }
            }
            if (argument is null)
            {
                if (definition.HasDefault) coerced[name] = definition.DefaultValue;
                else if (type.IsNonNull)
                    throw new LocatedGraphQLException($"Argument \"{name}\" of required type \"{type}\" was not provided.", owner);
                continue;
            }
            var valueNode = argument.Value;
            bool isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                var variableName = variable.Name.Value;
                if (!variables.TryGetValue(variableName, out var variableValue))
                {
                    if (definition.HasDefault) coerced[name] = definition.DefaultValue;
                    else if (type.IsNonNull)
                        throw new LocatedGraphQLException(
                            $"Argument \"{name}\" of required type \"{type}\" was provided the variable \"${variableName}\" which was not provided a runtime value.",
                            valueNode);
                    continue;
                }
                isNull = variableValue is null;
            }
            if (isNull && type.IsNonNull)
                throw new LocatedGraphQLException($"Argument \"{name}\" of non-null type \"{type}\" must not be null.", valueNode);
            if (!InputCoercion.TryValueFromAst(valueNode, type, variables, out var value))
                throw new LocatedGraphQLException($"Argument \"{name}\" has invalid value {Printer.Print(valueNode)}.", valueNode);
            coerced[name] = value;
        }
        return coerced;
    }
}
