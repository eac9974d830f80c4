namespace Hotspot.GraphQL.Types;

/// <summary>Options for <see cref="SchemaBuilder"/>.</summary>
public sealed record SchemaBuildOptions
{
    public static readonly SchemaBuildOptions Default = new();

    /// <summary>
    /// Behaviour for custom scalars declared in the SDL, by name. Scalars not listed get the shipped behaviour
    /// for <c>DateTime</c> and <c>Long</c>, and pass values through otherwise (as graphql-js does).
    /// </summary>
    public IReadOnlyDictionary<string, ScalarCoercion> Scalars { get; init; } = new Dictionary<string, ScalarCoercion>();
}
