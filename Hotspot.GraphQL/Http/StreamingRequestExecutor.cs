using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// What the streaming transports share: query text to a prepared (parsed, limited, validated) document, cached like
/// the HTTP handler's, then <see cref="SubscriptionExecutor.SubscribeAsync"/>. Persisted queries are not offered here.
/// </summary>
internal sealed class StreamingRequestExecutor(ExecutableSchema schema, GraphQLHttpOptions options)
{
    private readonly DocumentPreparer _preparer = new(schema, options);
    private readonly BoundedCache<PreparedDocument> _documents = new(options.DocumentCacheSize);

    public ValueTask<SubscriptionStart> StartAsync(HttpContext context, GraphQLHttpRequest request, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Query))
            return new ValueTask<SubscriptionStart>(Refused(new GraphQLError("The request has no \"query\".")));
        if (!_documents.TryGet(request.Query, out var prepared))
        {
            prepared = _preparer.Prepare(request.Query);
            if (request.Query.Length <= options.MaxCachedQueryLength) _documents.Set(request.Query, prepared);
        }
        if (!prepared.IsValid)
            return new ValueTask<SubscriptionStart>(new SubscriptionStart(ExecutionResult.FromRequestErrors(prepared.Errors), null));
        return SubscriptionExecutor.SubscribeAsync(schema, prepared.Document!, request.OperationName, request.Variables,
            options.RootValue?.Invoke(context), services, null, cancellationToken);
    }

    private static SubscriptionStart Refused(GraphQLError error) => new(ExecutionResult.FromRequestError(error), null);
}
