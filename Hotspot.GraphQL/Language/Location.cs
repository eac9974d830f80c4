using Hotspot.GraphQL.Errors;

namespace Hotspot.GraphQL.Language;

/// <summary>
/// The source span of a node or token: start and end offsets (UTF-16 code units, as graphql-js counts, end
/// exclusive) and the 1-based line and column of its first character.
/// </summary>
public readonly record struct Location(int Start, int End, int Line, int Column)
{
    public SourceLocation ToSourceLocation() => new(Line, Column);
}
