using System.Runtime.CompilerServices;
using System.Text.Json;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// Spec 6.2.3 Subscribe, with the spec's names: <see cref="CreateSourceEventStreamAsync"/> asks the root field's
/// <see cref="SubscriptionResolver"/> for its event stream, and <see cref="MapSourceToResponseEvent"/> executes the
/// selection set once per event with the event as the root value. Queries and mutations answer with one result,
/// so a streaming transport can send every operation through <see cref="SubscribeAsync"/>.
/// <code>
/// var started = await SubscriptionExecutor.SubscribeAsync(schema, document, operationName, variables, null, services, scopes, ct);
/// if (started.Events is null) Send(started.Result!);                   // a request error, or a query's result
/// else await foreach (var result in started.Events.WithCancellation(ct)) Send(result);
/// </code>
/// A field error in one event is reported in that event's result and the stream goes on. A failure of the source
/// stream itself ends the stream with one last result that holds only <c>errors</c>. Cancelling the enumeration
/// disposes the source stream's enumerator, which releases whatever the resolver holds.
/// </summary>
public static class SubscriptionExecutor
{
    /// <summary>Subscribes, or executes a query or mutation; see the type's summary.</summary>
    /// <param name="eventScopes">When given, each event runs in a service scope of its own (disposed after it).</param>
    public static async ValueTask<SubscriptionStart> SubscribeAsync(ExecutableSchema schema, DocumentNode document,
        string? operationName, JsonElement? variables, object? rootValue, IServiceProvider? services,
        IServiceScopeFactory? eventScopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        var operation = Executor.GetOperation(document, operationName, out var operationError);
        if (operation is null) return new SubscriptionStart(ExecutionResult.FromRequestError(operationError!), null);
        if (operation.Operation != OperationType.Subscription)
        {
            var single = await Executor.ExecuteAsync(schema, document, operationName, variables, rootValue, services, cancellationToken)
                .ConfigureAwait(false);
            return new SubscriptionStart(single, null);
        }
        var errors = new List<GraphQLError>();
        var variableValues = VariableValues.CoerceVariableValues(schema, operation, variables, errors);
        if (variableValues is null)
            return new SubscriptionStart(ExecutionResult.FromRequestErrors(errors, OperationType.Subscription), null);
        var plan = schema.GetPlan(document);
        var context = new OperationContext(schema, plan, operation, variableValues, rootValue, services, cancellationToken);
        var source = await CreateSourceEventStreamAsync(context).ConfigureAwait(false);
        if (source.Error is not null) return new SubscriptionStart(source.Error, null);
        return new SubscriptionStart(null,
            MapSourceToResponseEvent(schema, plan, operation, variableValues, services, eventScopes, source.Events!, CancellationToken.None));
    }

    private sealed record SourceStream(IAsyncEnumerable<object?>? Events, ExecutionResult? Error);

    /// <summary>CreateSourceEventStream: the single root field's arguments, then its subscribe resolver.</summary>
    private static async ValueTask<SourceStream> CreateSourceEventStreamAsync(OperationContext context)
    {
        var operation = context.Operation;
        var rootType = context.Schema.SubscriptionType;
        if (rootType is null)
            return new SourceStream(null, RequestError("Schema is not configured to execute subscription operation.", operation));
        CollectedFields fields;
        try
        {
            fields = FieldCollector.CollectRootFields(context, rootType);
        }
        catch (GraphQLException ex)
        {
            return new SourceStream(null, RequestError(ex.Message, operation));
        }
        // Validation's single-root-field rule guarantees one field; a skipped one leaves nothing to subscribe to.
        if (fields.Fields.Length != 1)
            return new SourceStream(null, RequestError("A subscription must select exactly one top level field.", operation));
        var plan = fields.Fields[0];
        if (plan.Kind != FieldPlanKind.Normal || plan.Field.Subscriber is null)
            return new SourceStream(null, RequestError($"The subscription field \"{plan.Field.Name}\" has no event stream.", operation));
        var executor = new OperationExecutor(context);
        try
        {
            var arguments = executor.GetArgumentValues(plan);
            var resolverContext = new ResolverContext(context, rootType, plan.Field, plan.Nodes, context.RootValue, arguments, null,
                plan.ResponseKey);
            var events = await plan.Field.Subscriber(resolverContext).ConfigureAwait(false);
            return new SourceStream(events, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            // Spec: an error raised by the resolver is a request error; graphql-js keeps its path and locations.
            return new SourceStream(null, ExecutionResult.FromRequestErrors([executor.ToError(ex, plan, [plan.ResponseKey])],
                OperationType.Subscription));
        }
    }

    /// <summary>MapSourceToResponseEvent: ExecuteSubscriptionEvent for each event of the source stream.</summary>
    private static async IAsyncEnumerable<ExecutionResult> MapSourceToResponseEvent(ExecutableSchema schema, DocumentPlan plan,
        OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variableValues, IServiceProvider? services,
        IServiceScopeFactory? eventScopes, IAsyncEnumerable<object?> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var events = source.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool hasEvent;
            ExecutionResult? failure = null;
            try
            {
                hasEvent = await events.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
            catch (GraphQLException ex)
            {
                hasEvent = false;
                failure = ExecutionResult.FromRequestErrors([SourceError(ex, operation)], OperationType.Subscription);
            }
            catch (Exception ex)
            {
                hasEvent = false;
                failure = ExecutionResult.FromRequestErrors(
                    [new GraphQLError("Unexpected Execution Error", [operation.Location.ToSourceLocation()], null, null, ex)],
                    OperationType.Subscription);
            }
            if (failure is not null)
            {
                yield return failure;
                yield break;
            }
            if (!hasEvent) yield break;
            yield return await ExecuteSubscriptionEventAsync(schema, plan, operation, variableValues, services, eventScopes,
                events.Current, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>ExecuteSubscriptionEvent: the selection set, normally (not serially), with the event as root value.</summary>
    private static async ValueTask<ExecutionResult> ExecuteSubscriptionEventAsync(ExecutableSchema schema, DocumentPlan plan,
        OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variableValues, IServiceProvider? services,
        IServiceScopeFactory? eventScopes, object? sourceEvent, CancellationToken cancellationToken)
    {
        if (eventScopes is null)
            return await Executor.ExecuteOperation(schema, plan, operation, variableValues, sourceEvent, services, cancellationToken)
                .ConfigureAwait(false);
        await using var scope = eventScopes.CreateAsyncScope();
        return await Executor.ExecuteOperation(schema, plan, operation, variableValues, sourceEvent, scope.ServiceProvider,
            cancellationToken).ConfigureAwait(false);
    }

    private static GraphQLError SourceError(GraphQLException ex, OperationDefinitionNode operation)
    {
        var extensions = ex.Code is null ? ex.Extensions : new Dictionary<string, object?>(ex.Extensions ?? new Dictionary<string, object?>())
        {
            ["code"] = ex.Code,
        };
        return new GraphQLError(ex.Message, [operation.Location.ToSourceLocation()], null, extensions, ex);
    }

    private static ExecutionResult RequestError(string message, OperationDefinitionNode operation) =>
        ExecutionResult.FromRequestErrors([new GraphQLError(message, [operation.Location.ToSourceLocation()])], OperationType.Subscription);
}
