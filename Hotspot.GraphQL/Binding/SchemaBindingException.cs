namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Thrown by <see cref="ExecutableSchemaBuilder.Build"/> when the schema and its resolvers do not fit together:
/// every problem is listed, one per line (fields without a resolver, resolvers naming no field, unknown types...).
/// </summary>
public sealed class SchemaBindingException : Exception
{
    public SchemaBindingException(IReadOnlyList<string> problems)
        : base("The executable schema cannot be built:" + Environment.NewLine + "  - " +
               string.Join(Environment.NewLine + "  - ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
