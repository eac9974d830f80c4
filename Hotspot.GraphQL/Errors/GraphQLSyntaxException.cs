namespace Hotspot.GraphQL.Errors;

/// <summary>
/// Thrown by the lexer and parser for a malformed document. <see cref="Error"/> carries graphql-js's wording
/// (<c>Syntax Error: Expected Name, found &lt;EOF&gt;.</c>) and the line and column of the offending character.
/// </summary>
public sealed class GraphQLSyntaxException : Exception
{
    public GraphQLSyntaxException(string description, int position, SourceLocation location)
        : base("Syntax Error: " + description)
    {
        Description = description;
        Position = position;
        Location = location;
        Error = new GraphQLError(Message, location);
    }

    /// <summary>The message without the <c>Syntax Error: </c> prefix.</summary>
    public string Description { get; }

    /// <summary>Offset (in UTF-16 code units, as graphql-js counts) of the offending character.</summary>
    public int Position { get; }

    public SourceLocation Location { get; }

    public GraphQLError Error { get; }
}
