namespace Hotspot.GraphQL.Execution;

/// <summary>
/// What <see cref="SubscriptionExecutor.SubscribeAsync"/> started: a stream of results (<see cref="Events"/>), or one
/// <see cref="Result"/> (a request error, or the answer of a query or mutation).
/// </summary>
public sealed record SubscriptionStart(ExecutionResult? Result, IAsyncEnumerable<ExecutionResult>? Events);
