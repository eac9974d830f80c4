using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;
using Hotspot.GraphQL.Validation;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// Turns query text into a <see cref="PreparedDocument"/>: parse (token and nesting limits enforced by the
/// parser as it reads), then the depth/alias/field guard, then validation against the schema.
/// </summary>
public sealed class DocumentPreparer
{
    private readonly Schema _typeSystem;
    private readonly GraphQLHttpOptions _options;
    private readonly ParserOptions _parserOptions;

    public DocumentPreparer(ExecutableSchema schema, GraphQLHttpOptions options)
    {
        _typeSystem = schema.TypeSystem;
        _options = options;
        // The parser's own nesting limit also counts list/object values and types; the guard below gives the
        // precise selection-depth error, the parser limit keeps every recursive stage off the stack's edge.
        _parserOptions = new ParserOptions { MaxTokens = options.MaxTokens, MaxDepth = Math.Max(options.MaxDepth * 2, 64) };
    }

    public PreparedDocument Prepare(string query)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(query, _parserOptions);
        }
        catch (GraphQLSyntaxException exception)
        {
            return PreparedDocument.Invalid(null, [exception.Error]);
        }

        if (DocumentLimitsGuard.Check(document, _options.MaxDepth, _options.MaxAliases, _options.MaxFields) is { } limit)
        {
            return PreparedDocument.Invalid(document, [limit]);
        }

        var errors = DocumentValidator.Validate(_typeSystem, document);
        return errors.Count == 0 ? PreparedDocument.Valid(document) : PreparedDocument.Invalid(document, errors);
    }
}
