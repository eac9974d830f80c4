using System.Text.Json;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// The entry point of execution (spec 6.1 ExecuteRequest). Call it with a document that has been parsed and
/// VALIDATED (gql-validation's <c>DocumentValidator</c>); execution trusts validation as the spec allows.
/// <code>
/// ExecutionResult result = await Executor.ExecuteAsync(schema, document, operationName, variables,
///     rootValue: null, services: httpContext.RequestServices, cancellationToken: httpContext.RequestAborted);
/// result.WriteTo(utf8JsonWriter);   // {"errors":[...],"data":{...},"extensions":{...}}
/// bool isRequestError = !result.HasData;   // no "data" key: 400 under application/graphql-response+json
/// </code>
/// Request errors (no data key): no operation, an unknown <paramref name="operationName"/>, several operations and
/// no name, variables that do not coerce, a subscription (see <see cref="SubscriptionExecutor"/>). Field errors keep <c>data</c>.
/// Cancellation: when <paramref name="cancellationToken"/> fires, the returned task is cancelled
/// (<see cref="OperationCanceledException"/>); resolvers see the token in <c>ResolverContext.CancellationToken</c>.
/// Reuse the same <see cref="DocumentNode"/> instance for repeated queries: per-document plans are cached on it.
/// </summary>
public static class Executor
{
    /// <summary>Executes one request; see the type's summary.</summary>
    /// <param name="schema">The executable schema (resolvers bound), built once at start-up.</param>
    /// <param name="document">The parsed, validated document.</param>
    /// <param name="operationName">The operation to run; may be null when the document holds one operation.</param>
    /// <param name="variables">The request's <c>variables</c> JSON object, or null.</param>
    /// <param name="rootValue">The parent value of root fields (e.g. a JSON document for default resolvers).</param>
    /// <param name="services">Request services, given to resolvers.</param>
    /// <param name="cancellationToken">Aborts execution (client gone, timeout).</param>
    public static ValueTask<ExecutionResult> ExecuteAsync(ExecutableSchema schema, DocumentNode document,
        string? operationName = null, JsonElement? variables = null, object? rootValue = null,
        IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        var operation = GetOperation(document, operationName, out var operationError);
        if (operation is null) return new ValueTask<ExecutionResult>(ExecutionResult.FromRequestError(operationError!));
        if (operation.Operation == OperationType.Subscription)
        {
            return new ValueTask<ExecutionResult>(ExecutionResult.FromRequestErrors(
                [new GraphQLError("Subscriptions stream their results: send them over GraphQL over WebSocket or Server-Sent Events (SubscriptionExecutor), not for a single response.", [operation.Location.ToSourceLocation()])],
                OperationType.Subscription));
        }
        var errors = new List<GraphQLError>();
        var variableValues = VariableValues.CoerceVariableValues(schema, operation, variables, errors);
        if (variableValues is null)
            return new ValueTask<ExecutionResult>(ExecutionResult.FromRequestErrors(errors, operation.Operation));
        return ExecuteOperation(schema, schema.GetPlan(document), operation, variableValues, rootValue, services, cancellationToken);
    }

    /// <summary>
    /// Spec 6.1 GetOperation: the operation to run, or null with the request error graphql-js gives. gql-http uses it
    /// to refuse mutations over GET before executing.
    /// </summary>
    public static OperationDefinitionNode? GetOperation(DocumentNode document, string? operationName, out GraphQLError? error)
    {
        OperationDefinitionNode? found = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation) continue;
            if (operationName is null)
            {
                if (found is not null)
                {
                    error = new GraphQLError("Must provide operation name if query contains multiple operations.");
                    return null;
                }
                found = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                found = operation;
                break;
            }
        }
        if (found is null)
        {
            error = operationName is null
                ? new GraphQLError("Must provide an operation.")
                : new GraphQLError($"Unknown operation named \"{operationName}\".");
            return null;
        }
        error = null;
        return found;
    }

    /// <summary>ExecuteQuery / ExecuteMutation, and ExecuteSubscriptionEvent with the event as the root value.</summary>
    internal static ValueTask<ExecutionResult> ExecuteOperation(ExecutableSchema schema, DocumentPlan plan,
        OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variableValues, object? rootValue,
        IServiceProvider? services, CancellationToken cancellationToken)
    {
        var context = new OperationContext(schema, plan, operation, variableValues, rootValue, services, cancellationToken);
        var rootType = schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            context.AddError(new GraphQLError(
                $"Schema is not configured to execute {Printer.OperationName(operation.Operation)} operation.",
                [operation.Location.ToSourceLocation()]));
            return new ValueTask<ExecutionResult>(ExecutionResult.FromData(null, context.Errors, operation.Operation));
        }
        ValueTask<ResultValue> running;
        try
        {
            var fields = FieldCollector.CollectRootFields(context, rootType);
            running = new OperationExecutor(context).ExecuteOperation(rootType, fields, operation.Operation == OperationType.Mutation);
        }
        catch (GraphQLException ex)
        {
            context.AddError(new GraphQLError(ex.Message, [operation.Location.ToSourceLocation()]));
            return new ValueTask<ExecutionResult>(ExecutionResult.FromData(null, context.Errors, operation.Operation));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ValueTask<ExecutionResult>(UnexpectedFailure(context, ex));
        }
        if (running.IsCompletedSuccessfully) return new ValueTask<ExecutionResult>(BuildResponse(context, running.Result));
        return AwaitOperation(context, running);
    }

    /// <summary>Waits for the operation while running data-loader batches whenever resolvers wait on them.</summary>
    private static async ValueTask<ExecutionResult> AwaitOperation(OperationContext context, ValueTask<ResultValue> running)
    {
        var task = running.AsTask();
        var dispatcher = context.Dispatcher;
        while (!task.IsCompleted)
        {
            var work = dispatcher.WhenWorkScheduled();
            if (!work.IsCompleted)
            {
                await Task.WhenAny(task, work).ConfigureAwait(false);
                if (task.IsCompleted) break;
                // Let resolvers that are ready run and queue their keys before the batch goes out.
                await Task.Yield();
            }
            await dispatcher.DispatchAsync(context.CancellationToken).ConfigureAwait(false);
        }
        ResultValue result;
        try
        {
            result = await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return UnexpectedFailure(context, ex);
        }
        return BuildResponse(context, result);
    }

    /// <summary>A failure outside any field (a bug, not bad input): data null, the exception kept for logging.</summary>
    private static ExecutionResult UnexpectedFailure(OperationContext context, Exception ex)
    {
        context.AddError(new GraphQLError("Unexpected Execution Error", [context.Operation.Location.ToSourceLocation()],
            null, null, ex));
        return ExecutionResult.FromData(null, context.Errors, context.Operation.Operation);
    }

    private static ExecutionResult BuildResponse(OperationContext context, ResultValue result)
    {
        var data = result.Kind == ResultKind.Map ? result.AsMap : null;
        return ExecutionResult.FromData(data, context.Errors, context.Operation.Operation);
    }
}
