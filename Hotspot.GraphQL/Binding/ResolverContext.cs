using System.Collections.Concurrent;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Binding;

/// <summary>
/// What a resolver sees of the field it resolves: the parent value, the coerced arguments (with typed getters),
/// the request's services, cancellation, per-request items and data loaders, and where in the response it is.
/// </summary>
public sealed class ResolverContext
{
    private readonly OperationContext _operation;
    private readonly ResultPath? _parentPath;
    private readonly string _responseKey;

    internal ResolverContext(OperationContext operation, ExecutableObjectType parentType, ExecutableField field,
        FieldNode[] fieldNodes, object? parent, IReadOnlyDictionary<string, object?> arguments, ResultPath? parentPath,
        string responseKey)
    {
        _operation = operation;
        ParentType = parentType;
        Field = field;
        FieldNodes = fieldNodes;
        Parent = parent;
        Arguments = arguments;
        _parentPath = parentPath;
        _responseKey = responseKey;
    }

    /// <summary>The value of the parent object (the root value for root fields).</summary>
    public object? Parent { get; }

    /// <summary>The parent value, cast: <c>ctx.ParentAs&lt;User&gt;()</c>.</summary>
    public T ParentAs<T>() => Parent is T typed
        ? typed
        : throw new InvalidOperationException(
            $"The parent of {Field.Coordinate} is {Parent?.GetType().Name ?? "null"}, not {typeof(T).Name}.");

    public ExecutableObjectType ParentType { get; }
    public ExecutableField Field { get; }

    /// <summary>The field's nodes in the document (several when the same response key is selected more than once).</summary>
    public IReadOnlyList<FieldNode> FieldNodes { get; }

    /// <summary>The field's arguments after coercion (defaults applied; absent optional arguments are missing).</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    public ExecutableSchema Schema => _operation.Schema;
    public OperationDefinitionNode Operation => _operation.Operation;
    public IReadOnlyDictionary<string, object?> Variables => _operation.VariableValues;
    public object? RootValue => _operation.RootValue;
    public IServiceProvider? Services => _operation.Services;
    public CancellationToken CancellationToken => _operation.CancellationToken;

    /// <summary>Per-request state shared by all resolvers of the request (data loaders live here).</summary>
    public ConcurrentDictionary<string, object> Items => _operation.Items;

    /// <summary>The request's batch dispatcher, for hand-made <see cref="DataLoader{TKey,TValue}"/>s.</summary>
    public BatchDispatcher Dispatcher => _operation.Dispatcher;

    /// <summary>The response path of this field (keys and list indices).</summary>
    public IReadOnlyList<object> Path => ResultPath.ToList(_parentPath, _responseKey);

    /// <summary>
    /// Whether this field's selection set asks for a subfield named <paramref name="fieldName"/>: directly, in an
    /// inline fragment or through a named fragment (HotChocolate's <c>IsSelected</c>). Lets a resolver skip work
    /// nobody asked for, such as a count. <c>@skip</c>/<c>@include</c> are not evaluated, so in doubt it says yes.
    /// </summary>
    public bool IsSelected(string fieldName)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in FieldNodes)
        {
            if (node.SelectionSet is not null && Selects(node.SelectionSet, fieldName, visited))
                return true;
        }
        return false;
    }

    private bool Selects(SelectionSetNode selectionSet, string fieldName, HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field when field.Name.Value == fieldName:
                    return true;
                case InlineFragmentNode inline when Selects(inline.SelectionSet, fieldName, visitedFragments):
                    return true;
                case FragmentSpreadNode spread when visitedFragments.Add(spread.Name.Value)
                    && _operation.Plan.Fragments.TryGetValue(spread.Name.Value, out var fragment)
                    && Selects(fragment.SelectionSet, fieldName, visitedFragments):
                    return true;
            }
        }
        return false;
    }

    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    /// <summary>The argument converted to <typeparamref name="T"/>; throws a clear error when it is absent.</summary>
    public T Argument<T>(string name)
    {
        if (!Arguments.TryGetValue(name, out var value))
            throw new GraphQLException($"Argument \"{name}\" of {Field.Coordinate} was not provided.");
        return ArgumentConverter.Convert<T>(value, name);
    }

    /// <summary>The argument converted to <typeparamref name="T"/>, or <paramref name="fallback"/> when absent or null.</summary>
    public T ArgumentOrDefault<T>(string name, T fallback = default!)
    {
        if (!Arguments.TryGetValue(name, out var value) || value is null) return fallback;
        return ArgumentConverter.Convert<T>(value, name);
    }

    /// <summary>A required service of the request.</summary>
    public T Service<T>() where T : notnull
    {
        var service = Services?.GetService(typeof(T));
        return service is T typed
            ? typed
            : throw new InvalidOperationException($"Service {typeof(T).Name} is not registered.");
    }

    /// <summary>
    /// The request's data loader named <paramref name="name"/>, created on first use with <paramref name="fetch"/>.
    /// Keys loaded through it by sibling resolvers are fetched in one batch.
    /// </summary>
    public DataLoader<TKey, TValue> DataLoader<TKey, TValue>(string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        var key = "dataloader:" + name;
        if (Items.TryGetValue(key, out var existing)) return (DataLoader<TKey, TValue>)existing;
        return (DataLoader<TKey, TValue>)Items.GetOrAdd(key, _ => new DataLoader<TKey, TValue>(Dispatcher, fetch));
    }
}
