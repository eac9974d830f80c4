using System.Collections.Concurrent;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// Everything one execution shares (the spec's inputs to ExecuteOperation, graphql-js's <c>ExecutionContext</c>):
/// schema, operation, fragments, coerced variables, root value, services, cancellation, per-request items and
/// the field errors collected so far.
/// </summary>
internal sealed class OperationContext
{
    private readonly object _errorsGate = new();
    private List<GraphQLError>? _errors;
    private ConcurrentDictionary<string, object>? _items;
    private BatchDispatcher? _dispatcher;

    public OperationContext(ExecutableSchema schema, DocumentPlan plan, OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variableValues, object? rootValue, IServiceProvider? services,
        CancellationToken cancellationToken)
    {
        Schema = schema;
        Plan = plan;
        Operation = operation;
        VariableValues = variableValues;
        RootValue = rootValue;
        Services = services;
        CancellationToken = cancellationToken;
    }

    public ExecutableSchema Schema { get; }
    public DocumentPlan Plan { get; }
    public OperationDefinitionNode Operation { get; }
    public IReadOnlyDictionary<string, object?> VariableValues { get; }
    public object? RootValue { get; }
    public IServiceProvider? Services { get; }
    public CancellationToken CancellationToken { get; }

    public ConcurrentDictionary<string, object> Items =>
        _items ?? Interlocked.CompareExchange(ref _items, new ConcurrentDictionary<string, object>(), null) ?? _items;

    public BatchDispatcher Dispatcher =>
        _dispatcher ?? Interlocked.CompareExchange(ref _dispatcher, new BatchDispatcher(), null) ?? _dispatcher;

    /// <summary>The dispatcher if any resolver asked for it (no loaders, nothing to dispatch).</summary>
    public BatchDispatcher? DispatcherIfCreated => Volatile.Read(ref _dispatcher);

    private Dictionary<(FieldPlan, ExecutableObjectType), CollectedFields>? _requestSubfields;

    /// <summary>Subfields whose <c>@skip</c>/<c>@include</c> read variables, cached for this request only.</summary>
    public CollectedFields? GetRequestSubfields(FieldPlan field, ExecutableObjectType type)
    {
        if (Volatile.Read(ref _requestSubfields) is null) return null;
        lock (_errorsGate) return _requestSubfields!.GetValueOrDefault((field, type));
    }

    public void CacheRequestSubfields(FieldPlan field, ExecutableObjectType type, CollectedFields fields)
    {
        lock (_errorsGate)
        {
            _requestSubfields ??= new();
            _requestSubfields.TryAdd((field, type), fields);
        }
    }

    public void AddError(GraphQLError error)
    {
        lock (_errorsGate) (_errors ??= new List<GraphQLError>()).Add(error);
    }

    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_errorsGate) return _errors is null ? Array.Empty<GraphQLError>() : _errors.ToArray();
        }
    }
}
