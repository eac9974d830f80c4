using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// A query text after parsing, the limit checks and validation: either a document ready to execute, or the
/// request errors that refuse it. Both outcomes are cached, keyed by the query text.
/// </summary>
public sealed class PreparedDocument
{
    private PreparedDocument(DocumentNode? document, IReadOnlyList<GraphQLError> errors)
    {
        Document = document;
        Errors = errors;
    }

    /// <summary>The parsed document; null when it did not parse.</summary>
    public DocumentNode? Document { get; }

    /// <summary>Syntax, limit or validation errors; empty when the document may be executed.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    public static PreparedDocument Valid(DocumentNode document) => new(document, []);

    public static PreparedDocument Invalid(DocumentNode? document, IReadOnlyList<GraphQLError> errors) => new(document, errors);
}
