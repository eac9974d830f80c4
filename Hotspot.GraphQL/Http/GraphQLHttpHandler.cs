using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP for one endpoint: GET and POST, media-type negotiation and the status codes the
/// GraphQL-over-HTTP audits check, mutations refused over GET, request guards, a cache of prepared documents
/// and Apollo automatic persisted queries. Request errors get no <c>data</c> key, and status 400 under
/// <c>application/graphql-response+json</c> or 200 under <c>application/json</c>; executed requests get 200.
/// </summary>
public sealed class GraphQLHttpHandler
{
    private readonly ExecutableSchema _schema;
    private readonly GraphQLHttpOptions _options;
    private readonly DocumentPreparer _preparer;
    private readonly BoundedCache<PreparedDocument> _documents;
    private readonly BoundedCache<string> _persistedQueries;
    private readonly ILogger? _logger;

    public GraphQLHttpHandler(ExecutableSchema schema, GraphQLHttpOptions options, ILogger? logger = null)
    {
        _schema = schema;
        _options = options;
        _logger = logger;
        _preparer = new DocumentPreparer(schema, options);
        _documents = new BoundedCache<PreparedDocument>(options.DocumentCacheSize);
        _persistedQueries = new BoundedCache<string>(options.PersistedQueryCacheSize);
    }

    /// <summary>How many prepared documents the cache holds (diagnostics and tests).</summary>
    internal int CachedDocumentCount => _documents.Count;

    internal PreparedDocument? CachedDocument(string query) => _documents.TryGet(query, out var prepared) ? prepared : null;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "GET, POST";
            await GraphQLResponseWriter.WriteProblemAsync(response, ResponseMediaType.Json,
                new HttpRequestProblem(StatusCodes.Status405MethodNotAllowed, $"HTTP method {request.Method} is not supported; use GET or POST."));
            return;
        }

        var mediaType = AcceptHeaderNegotiator.Negotiate(request.Headers.Accept, allowHtml: isGet && _options.EnableExplorer);
        if (mediaType == ResponseMediaType.Html && _options.ExplorerUrl is { } explorer)
        {
            response.Redirect(explorer);
            return;
        }
        if (mediaType == ResponseMediaType.Html)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = GraphQLMediaTypes.HtmlUtf8;
            await response.Body.WriteAsync(ExplorerPage.Html, context.RequestAborted);
            return;
        }

        if (mediaType == ResponseMediaType.None)
        {
            response.Headers.Accept = GraphQLMediaTypes.Acceptable;
            await GraphQLResponseWriter.WriteProblemAsync(response, ResponseMediaType.Json,
                new HttpRequestProblem(StatusCodes.Status406NotAcceptable, $"The Accept header allows no media type this endpoint produces ({GraphQLMediaTypes.Acceptable})."));
            return;
        }

        GraphQLRequestReader.Result read;
        if (isGet)
        {
            read = GraphQLRequestReader.ReadGet(request.Query, _options.MaxJsonDepth);
        }
        else if (!IsJsonContentType(request.ContentType))
        {
            read = new HttpRequestProblem(StatusCodes.Status415UnsupportedMediaType,
                request.ContentType is null
                    ? "The request has no Content-Type; send the body as application/json."
                    : $"Content-Type {request.ContentType} is not supported; send the body as application/json.");
        }
        else
        {
            read = await GraphQLRequestReader.ReadPostAsync(request.BodyReader, request.ContentLength,
                _options.MaxRequestBodyBytes, _options.MaxJsonDepth, context.RequestAborted);
        }

        if (read.Problem is { } problem)
        {
            await GraphQLResponseWriter.WriteProblemAsync(response, mediaType, problem);
            return;
        }

        await ExecuteAsync(context, read.Request!, isGet, mediaType);
    }

    private async Task ExecuteAsync(HttpContext context, GraphQLHttpRequest request, bool isGet, ResponseMediaType mediaType)
    {
        var response = context.Response;
        var query = request.Query;
        string? hashToRegister = null;
        var persisted = PersistedQuery.Read(request.Extensions);
        if (persisted.IsPresent)
        {
            if (!_options.EnablePersistedQueries)
            {
                if (query is null)
                {
                    await WriteRequestErrorAsync(response, mediaType, RequestError(PersistedQuery.NotSupportedMessage, PersistedQuery.NotSupportedCode));
                    return;
                }
            }
            else if (persisted.Problem is { } invalid)
            {
                await WriteRequestErrorAsync(response, mediaType, RequestError(invalid, PersistedQuery.InvalidCode));
                return;
            }
            else if (query is null)
            {
                if (!_persistedQueries.TryGet(persisted.Hash!, out query))
                {
                    await WriteRequestErrorAsync(response, mediaType, RequestError(PersistedQuery.NotFoundMessage, PersistedQuery.NotFoundCode));
                    return;
                }
            }
            else if (!string.Equals(PersistedQuery.Hash(query), persisted.Hash, StringComparison.Ordinal))
            {
                await WriteRequestErrorAsync(response, mediaType, RequestError(PersistedQuery.HashMismatchMessage, PersistedQuery.HashMismatchCode));
                return;
            }
            else
            {
                hashToRegister = persisted.Hash;
            }
        }

        if (query is null)
        {
            await GraphQLResponseWriter.WriteProblemAsync(response, mediaType,
                HttpRequestProblem.BadRequest("The request has no \"query\" parameter (and no known persisted query)."));
            return;
        }

        if (!_documents.TryGet(query, out var prepared))
        {
            prepared = _preparer.Prepare(query);
            if (query.Length <= _options.MaxCachedQueryLength)
            {
                _documents.Set(query, prepared);
            }
        }

        if (!prepared.IsValid)
        {
            await WriteRequestErrorAsync(response, mediaType, ExecutionResult.FromRequestErrors(prepared.Errors));
            return;
        }

        if (hashToRegister is not null && query.Length <= _options.MaxCachedQueryLength)
        {
            _persistedQueries.Set(hashToRegister, query);
        }

        if (isGet && !_options.AllowMutationsOverGet
            && Executor.GetOperation(prepared.Document!, request.OperationName, out _) is { Operation: not OperationType.Query })
        {
            response.Headers.Allow = "POST";
            await GraphQLResponseWriter.WriteResultAsync(response, StatusCodes.Status405MethodNotAllowed, mediaType,
                ExecutionResult.FromRequestError(new GraphQLError("Only query operations may be sent with GET; send mutations and subscriptions with POST.")));
            return;
        }

        ExecutionResult result;
        try
        {
            result = await Executor.ExecuteAsync(_schema, prepared.Document!, request.OperationName, request.Variables,
                _options.RootValue?.Invoke(context), context.RequestServices, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nobody reads the answer
        }
        catch (Exception exception) when (!response.HasStarted)
        {
            // A bug, not bad input: log it, and tell the client no more than that.
            _logger?.LogError(exception, "GraphQL execution failed unexpectedly");
            await GraphQLResponseWriter.WriteProblemAsync(response, mediaType,
                new HttpRequestProblem(StatusCodes.Status500InternalServerError, "Unexpected Execution Error"));
            return;
        }

        var status = result.HasData || mediaType == ResponseMediaType.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await GraphQLResponseWriter.WriteResultAsync(response, status, mediaType, result);
    }

    private static Task WriteRequestErrorAsync(HttpResponse response, ResponseMediaType mediaType, ExecutionResult result)
    {
        var status = mediaType == ResponseMediaType.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return GraphQLResponseWriter.WriteResultAsync(response, status, mediaType, result);
    }

    private static ExecutionResult RequestError(string message, string code) =>
        ExecutionResult.FromRequestError(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));

    private static bool IsJsonContentType(string? contentType)
    {
        // Fast path for what nearly every client sends; the general parse below handles the rest.
        if (string.Equals(contentType, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            || string.Equals(contentType, GraphQLMediaTypes.JsonUtf8, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        if (!parsed.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = parsed.Charset;
        return !charset.HasValue
               || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
               || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
