namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Creates the source event stream of a <c>Subscription</c> root field (spec 6.2.3 ResolveFieldEventStream). The
/// stream ends when the enumeration's cancellation token fires (the client left); each event it yields becomes the
/// root value of one execution of the selection set (MapSourceToResponseEvent). Throw a
/// <see cref="Execution.GraphQLException"/> to refuse the subscription (a request error, nothing streamed).
/// </summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(ResolverContext context);
