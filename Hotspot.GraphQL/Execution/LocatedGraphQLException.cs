using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>A field error that points at a node of its own (an argument value) rather than at the field.</summary>
internal sealed class LocatedGraphQLException : GraphQLException
{
    public LocatedGraphQLException(string message, SyntaxNode node) : base(message)
    {
        Location = node.Location.ToSourceLocation();
    }

    public SourceLocation Location { get; }
}
