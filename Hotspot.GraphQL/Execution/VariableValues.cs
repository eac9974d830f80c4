using System.Text.Json;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Execution;

/// <summary>Spec 6.1.2 CoerceVariableValues, with graphql-js's messages.</summary>
internal static class VariableValues
{
    private const int MaxErrors = 50;
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    /// <summary>Coerces the request's variables; on failure returns null and fills <paramref name="errors"/>.</summary>
    public static IReadOnlyDictionary<string, object?>? CoerceVariableValues(ExecutableSchema schema,
        OperationDefinitionNode operation, JsonElement? inputs, List<GraphQLError> errors)
    {
        var definitions = operation.VariableDefinitions;
        if (definitions.Count == 0) return Empty;
        var input = inputs is { ValueKind: JsonValueKind.Object } i ? i : (JsonElement?)null;
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (errors.Count >= MaxErrors)
            {
                errors.Add(new GraphQLError("Too many errors processing variables, error limit reached. Execution aborted."));
                return null;
            }
            var name = definition.Variable.Name.Value;
            var location = new[] { definition.Location.ToSourceLocation() };
            var type = ResolveType(schema, definition.Type);
            if (type is null || !type.NamedType.IsInputType)
            {
                errors.Add(new GraphQLError(
                    $"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.",
                    location));
                continue;
            }
            if (input is null || !input.Value.TryGetProperty(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    if (InputCoercion.TryValueFromAst(definition.DefaultValue, type, null, out var defaultValue))
                        coerced[name] = defaultValue;
                }
                else if (type.IsNonNull)
                {
                    errors.Add(new GraphQLError($"Variable \"${name}\" of required type \"{type}\" was not provided.", location));
                }
                continue;
            }
            if (value.ValueKind == JsonValueKind.Null && type.IsNonNull)
            {
                errors.Add(new GraphQLError($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", location));
                continue;
            }
            coerced[name] = InputCoercion.CoerceInputValue(value, type, (path, invalid, message) =>
            {
                var prefix = $"Variable \"${name}\" got invalid value {ValueInspector.Inspect(invalid)}";
                if (path.Count > 0) prefix += $" at \"{name}{InputCoercion.PrintPath(path)}\"";
                errors.Add(new GraphQLError(prefix + "; " + message, location));
            });
        }
        return errors.Count == 0 ? coerced : null;
    }

    /// <summary>The schema type a type reference of the document names; null when it names no type.</summary>
    public static ExecutableTypeRef? ResolveType(ExecutableSchema schema, TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => ResolveType(schema, nonNull.Type) is { } inner ? ExecutableTypeRef.NonNullOf(inner) : null,
        ListTypeNode list => ResolveType(schema, list.Type) is { } item ? ExecutableTypeRef.ListOf(item) : null,
        NamedTypeNode named => schema.GetType(named.Name.Value) is { } type ? ExecutableTypeRef.Of(type) : null,
        _ => null,
    };
}
