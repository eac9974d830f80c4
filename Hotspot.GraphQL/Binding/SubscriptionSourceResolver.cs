namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Opens the source stream of a subscription field (spec 6.2.3 CreateSourceEventStream): each item is one event,
/// executed as the root value of the subscription's selection set.
/// </summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionSourceResolver(ResolverContext context);
