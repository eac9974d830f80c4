namespace Hotspot.GraphQL.Errors;

/// <summary>Thrown when an SDL document does not describe a valid schema; carries every error found.</summary>
public sealed class SchemaValidationException(IReadOnlyList<GraphQLError> errors)
    : Exception(string.Join("\n\n", errors.Select(e => e.ToString())))
{
    public IReadOnlyList<GraphQLError> Errors { get; } = errors;
}
