namespace Hotspot.GraphQL.Language;

/// <summary>Limits and compatibility switches for <see cref="Parser"/>.</summary>
public sealed record ParserOptions
{
    public static readonly ParserOptions Default = new();

    /// <summary>
    /// Deepest nesting of selection sets, list and object values and list types. Deeper documents are refused
    /// with a syntax error, so that no recursive stage (parser, validation, execution) can overflow the stack.
    /// </summary>
    public int MaxDepth { get; init; } = 500;

    /// <summary>Most tokens (comments excluded) a document may have; null for no limit. As graphql-js's <c>maxTokens</c>.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Accept <c>fragment Name($v: T) on Type</c>, as graphql-js's <c>allowLegacyFragmentVariables</c>.</summary>
    public bool AllowLegacyFragmentVariables { get; init; }
}
