using System.Collections;
using System.Text.Json;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Errors;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// The execution algorithms of spec section 6 for one operation, with the spec's names: ExecuteSelectionSet,
/// ExecuteField, ResolveFieldValue, CompleteValue, ResolveAbstractType. Everything returns a
/// <see cref="ValueTask{T}"/> so a synchronous resolver costs no task; sibling fields of queries start before any
/// is awaited (parallel), mutation root fields run one after another (serial).
/// Null propagation: a position whose non-null type got null yields <see cref="ResultValue.Invalid"/>; the
/// nearest nullable position (field or list item) turns it into null, as spec 6.4.4 requires. The error is
/// recorded once, where it happened, with its path and locations.
/// </summary>
internal sealed class OperationExecutor
{
    private readonly OperationContext _context;

    public OperationExecutor(OperationContext context) => _context = context;

    /// <summary>ExecuteQuery / ExecuteMutation: the root selection set, serially for mutations.</summary>
    public ValueTask<ResultValue> ExecuteOperation(ExecutableObjectType rootType, CollectedFields fields, bool serially) =>
        serially
            ? ExecuteSelectionSetSerially(rootType, _context.RootValue, fields)
            : ExecuteSelectionSet(rootType, _context.RootValue, null, fields);

    /// <summary>ExecuteSelectionSet with fields started in order and awaited together (normal evaluation).</summary>
    public ValueTask<ResultValue> ExecuteSelectionSet(ExecutableObjectType objectType, object? objectValue,
        ResultPath? path, CollectedFields fields)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        // Deeply nested data must end in a field error, never in a stack overflow.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var plans = fields.Fields;
        var values = new ResultValue[plans.Length];
        List<(int Index, ValueTask<ResultValue> Task)>? pending = null;
        for (int i = 0; i < plans.Length; i++)
        {
            var task = ExecuteField(objectType, objectValue, plans[i], path);
            if (task.IsCompletedSuccessfully)
            {
                var value = task.Result;
                if (value.IsInvalid)
                {
                    // Like graphql-js: a null that must propagate stops the siblings not yet started.
                    return pending is null ? new ValueTask<ResultValue>(ResultValue.Invalid) : AwaitThenInvalid(pending);
                }
                values[i] = value;
            }
            else
            {
                (pending ??= new()).Add((i, task));
            }
        }
        if (pending is null) return new ValueTask<ResultValue>(ResultValue.FromMap(new ResultMap(fields.Keys, fields.EncodedKeys, values, plans.Length)));
        return AwaitSelectionSet(fields, values, pending);
    }

    private static async ValueTask<ResultValue> AwaitSelectionSet(CollectedFields fields, ResultValue[] values,
        List<(int Index, ValueTask<ResultValue> Task)> pending)
    {
        bool invalid = false;
        foreach (var (index, task) in pending)
        {
            var value = await task.ConfigureAwait(false);
            if (value.IsInvalid) invalid = true;
            values[index] = value;
        }
        return invalid ? ResultValue.Invalid : ResultValue.FromMap(new ResultMap(fields.Keys, fields.EncodedKeys, values, values.Length));
    }

    private static async ValueTask<ResultValue> AwaitThenInvalid(List<(int Index, ValueTask<ResultValue> Task)> pending)
    {
        foreach (var (_, task) in pending) await task.ConfigureAwait(false);
        return ResultValue.Invalid;
    }

    /// <summary>ExecuteSelectionSet with serial evaluation (mutation root fields).</summary>
    private async ValueTask<ResultValue> ExecuteSelectionSetSerially(ExecutableObjectType objectType, object? objectValue,
        CollectedFields fields)
    {
        var plans = fields.Fields;
        var values = new ResultValue[plans.Length];
        for (int i = 0; i < plans.Length; i++)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            var value = await ExecuteField(objectType, objectValue, plans[i], null).ConfigureAwait(false);
            if (value.IsInvalid) return ResultValue.Invalid;
            values[i] = value;
        }
        return ResultValue.FromMap(new ResultMap(fields.Keys, fields.EncodedKeys, values, plans.Length));
    }

    /// <summary>ExecuteField: coerce arguments, resolve, complete; field errors end here.</summary>
    private ValueTask<ResultValue> ExecuteField(ExecutableObjectType objectType, object? objectValue, FieldPlan plan,
        ResultPath? parentPath)
    {
        if (plan.Kind == FieldPlanKind.TypeName) return new ValueTask<ResultValue>(ResultValue.FromString(objectType.Name));
        var field = plan.Field;
        try
        {
            object? resolved;
            if (field.Resolver is null && plan.Kind == FieldPlanKind.Normal && field.Arguments.Length == 0)
            {
                if (objectValue is JsonElement json && field.Type.NamedType.IsLeafType && !IsListType(field.Type))
                    return new ValueTask<ResultValue>(CompleteJsonLeaf(json, plan));
                resolved = field.DefaultReader.Read(objectValue);
            }
            else
            {
                var pending = ResolveFieldValue(objectType, objectValue, plan, parentPath);
                if (!pending.IsCompletedSuccessfully) return ExecuteFieldAsync(pending, plan, parentPath);
                resolved = pending.Result;
                // A synchronous resolver that returned a task (graphql-js accepts promises anywhere).
                if (resolved is Task task) return ExecuteFieldAsync(AwaitTaskResult(task), plan, parentPath);
            }
            var completed = CompleteValue(field.Type, plan, parentPath, plan.ResponseKey, -1, resolved);
            if (!completed.IsCompletedSuccessfully) return AwaitFieldCompletion(completed, plan, parentPath);
            var value = completed.Result;
            return new ValueTask<ResultValue>(value.IsInvalid && !field.Type.IsNonNull ? ResultValue.Null : value);
        }
        catch (Exception ex) when (IsFieldError(ex))
        {
            return new ValueTask<ResultValue>(HandleFieldError(ex, field.Type, plan, parentPath, plan.ResponseKey, -1));
        }
    }

    private async ValueTask<ResultValue> ExecuteFieldAsync(ValueTask<object?> resolving, FieldPlan plan, ResultPath? parentPath)
    {
        var type = plan.Field.Type;
        try
        {
            var resolved = await resolving.ConfigureAwait(false);
            var value = await CompleteValue(type, plan, parentPath, plan.ResponseKey, -1, resolved).ConfigureAwait(false);
            return value.IsInvalid && !type.IsNonNull ? ResultValue.Null : value;
        }
        catch (Exception ex) when (IsFieldError(ex))
        {
            return HandleFieldError(ex, type, plan, parentPath, plan.ResponseKey, -1);
        }
    }

    private async ValueTask<ResultValue> AwaitFieldCompletion(ValueTask<ResultValue> completing, FieldPlan plan, ResultPath? parentPath)
    {
        var type = plan.Field.Type;
        try
        {
            var value = await completing.ConfigureAwait(false);
            return value.IsInvalid && !type.IsNonNull ? ResultValue.Null : value;
        }
        catch (Exception ex) when (IsFieldError(ex))
        {
            return HandleFieldError(ex, type, plan, parentPath, plan.ResponseKey, -1);
        }
    }

    private static async ValueTask<object?> AwaitTaskResult(Task task)
    {
        await task.ConfigureAwait(false);
        var type = task.GetType();
        return type.IsGenericType && type.GetProperty("Result") is { } result ? result.GetValue(task) : null;
    }

    private static bool IsListType(ExecutableTypeRef type) => type.IsList || (type.IsNonNull && type.OfType!.IsList);

    /// <summary>Default resolution and CompleteValue of a leaf field over JSON data, without boxing the value.</summary>
    private static ResultValue CompleteJsonLeaf(JsonElement parent, FieldPlan plan)
    {
        var type = plan.Field.Type;
        if (!plan.Field.DefaultReader.TryReadJson(parent, out var value) ||
            value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            if (type.IsNonNull) throw NonNullViolation(plan);
            return ResultValue.Null;
        }
        return LeafSerializer.SerializeJson(type.NamedType, value);
    }

    /// <summary>ResolveFieldValue: calls the bound resolver with the coerced arguments.</summary>
    private ValueTask<object?> ResolveFieldValue(ExecutableObjectType objectType, object? objectValue, FieldPlan plan,
        ResultPath? parentPath)
    {
        var field = plan.Field;
        var arguments = GetArgumentValues(plan);
        var resolver = field.Resolver;
        if (resolver is null) return new ValueTask<object?>(field.DefaultReader.Read(objectValue));
        var context = new ResolverContext(_context, objectType, field, plan.Nodes, objectValue, arguments, parentPath, plan.ResponseKey);
        return resolver(context);
    }

    /// <summary>CoerceArgumentValues, done once per plan when the arguments hold no variables.</summary>
    internal IReadOnlyDictionary<string, object?> GetArgumentValues(FieldPlan plan)
    {
        var definitions = plan.Field.Arguments;
        if (definitions.Length == 0) return ArgumentValues.Empty;
        if (plan.ArgumentsAreConstant && plan.ConstantArgumentsReady) return plan.ConstantArguments!;
        var node = plan.Nodes[0];
        var arguments = ArgumentValues.CoerceArgumentValues(definitions, node.Arguments, _context.VariableValues, node);
        if (plan.ArgumentsAreConstant)
        {
            plan.ConstantArguments = arguments;
            plan.ConstantArgumentsReady = true;
        }
        return arguments;
    }

    /// <summary>CompleteValue: non-null checks, lists, leaves, objects and abstract types.</summary>
    private ValueTask<ResultValue> CompleteValue(ExecutableTypeRef type, FieldPlan plan, ResultPath? parentPath,
        string? key, int index, object? value)
    {
        if (type.IsNonNull)
        {
            var inner = CompleteValue(type.OfType!, plan, parentPath, key, index, value);
            if (!inner.IsCompletedSuccessfully) return CompleteNonNullAsync(inner, plan);
            var result = inner.Result;
            if (result.IsNull) throw NonNullViolation(plan);
            return new ValueTask<ResultValue>(result);
        }
        if (value is null || value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
            return new ValueTask<ResultValue>(ResultValue.Null);
        if (type.IsList) return CompleteListValue(type.OfType!, plan, parentPath, key, index, value);
        var named = type.Named!;
        if (named.IsLeafType) return new ValueTask<ResultValue>(LeafSerializer.Serialize(named, value));
        var objectType = named as ExecutableObjectType ?? ResolveAbstractType(named, value, plan, parentPath);
        var subfields = FieldCollector.CollectSubfields(_context, objectType, plan);
        var path = key is not null ? ResultPath.Field(parentPath, key) : ResultPath.Item(parentPath, index);
        return ExecuteSelectionSet(objectType, value, path, subfields);
    }

    private static async ValueTask<ResultValue> CompleteNonNullAsync(ValueTask<ResultValue> inner, FieldPlan plan)
    {
        var result = await inner.ConfigureAwait(false);
        if (result.IsNull) throw NonNullViolation(plan);
        return result;
    }

    private static GraphQLException NonNullViolation(FieldPlan plan) =>
        new($"Cannot return null for non-nullable field {plan.ParentType.Name}.{plan.Field.Name}.");

    /// <summary>CompleteValue for a list type: each item completed; item errors are field errors of the item.</summary>
    private ValueTask<ResultValue> CompleteListValue(ExecutableTypeRef itemType, FieldPlan plan, ResultPath? parentPath,
        string? key, int index, object value)
    {
        var listPath = key is not null ? ResultPath.Field(parentPath, key) : ResultPath.Item(parentPath, index);
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
            {
                var items = new ResultValue[array.GetArrayLength()];
                int i = 0;
                List<(int, ValueTask<ResultValue>)>? pending = null;
                foreach (var item in array.EnumerateArray())
                {
                    if (!CompleteListItem(itemType, plan, listPath, i, item, items, ref pending))
                        return pending is null ? new ValueTask<ResultValue>(ResultValue.Invalid) : AwaitListThenInvalid(pending);
                    i++;
                }
                return FinishList(items, itemType, plan, listPath, pending);
            }
            case IList list when value is not string:
            {
                var items = new ResultValue[list.Count];
                List<(int, ValueTask<ResultValue>)>? pending = null;
                for (int i = 0; i < items.Length; i++)
                {
                    if (!CompleteListItem(itemType, plan, listPath, i, list[i], items, ref pending))
                        return pending is null ? new ValueTask<ResultValue>(ResultValue.Invalid) : AwaitListThenInvalid(pending);
                }
                return FinishList(items, itemType, plan, listPath, pending);
            }
            case IEnumerable enumerable when value is not string:
            {
                var buffer = new List<object?>();
                foreach (var item in enumerable) buffer.Add(item);
                return CompleteListValue(itemType, plan, parentPath, key, index, buffer);
            }
        }
        throw new GraphQLException(
            $"Expected Iterable, but did not find one for field \"{plan.ParentType.Name}.{plan.Field.Name}\".");
    }

    /// <summary>Completes one item; false when a null must propagate past the list (stop, like graphql-js).</summary>
    private bool CompleteListItem(ExecutableTypeRef itemType, FieldPlan plan, ResultPath listPath, int i, object? item,
        ResultValue[] items, ref List<(int, ValueTask<ResultValue>)>? pending)
    {
        ResultValue completed;
        try
        {
            var task = CompleteValue(itemType, plan, listPath, null, i, item);
            if (!task.IsCompletedSuccessfully)
            {
                (pending ??= new()).Add((i, task));
                return true;
            }
            completed = task.Result;
        }
        catch (Exception ex) when (IsFieldError(ex))
        {
            completed = HandleFieldError(ex, itemType, plan, listPath, null, i);
        }
        if (completed.IsInvalid)
        {
            if (itemType.IsNonNull) return false;
            completed = ResultValue.Null;
        }
        items[i] = completed;
        return true;
    }

    private ValueTask<ResultValue> FinishList(ResultValue[] items, ExecutableTypeRef itemType, FieldPlan plan,
        ResultPath listPath, List<(int, ValueTask<ResultValue>)>? pending)
    {
        if (pending is null) return new ValueTask<ResultValue>(ResultValue.FromList(new ResultList(items)));
        return AwaitList(items, itemType, plan, listPath, pending);
    }

    private async ValueTask<ResultValue> AwaitList(ResultValue[] items, ExecutableTypeRef itemType, FieldPlan plan,
        ResultPath listPath, List<(int Index, ValueTask<ResultValue> Task)> pending)
    {
        bool invalid = false;
        foreach (var (i, task) in pending)
        {
            ResultValue completed;
            try
            {
                completed = await task.ConfigureAwait(false);
            }
            catch (Exception ex) when (IsFieldError(ex))
            {
                completed = HandleFieldError(ex, itemType, plan, listPath, null, i);
            }
            if (completed.IsInvalid)
            {
                if (itemType.IsNonNull) invalid = true;
                else completed = ResultValue.Null;
            }
            items[i] = completed;
        }
        return invalid ? ResultValue.Invalid : ResultValue.FromList(new ResultList(items));
    }

    private static async ValueTask<ResultValue> AwaitListThenInvalid(List<(int, ValueTask<ResultValue>)> pending)
    {
        foreach (var (_, task) in pending)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The list is nulled anyway; like graphql-js, errors of items after the failing one are dropped.
            }
        }
        return ResultValue.Invalid;
    }

    /// <summary>ResolveAbstractType: the type resolver hook, then a <c>__typename</c> key, then the CLR type's name.</summary>
    private ExecutableObjectType ResolveAbstractType(ExecutableNamedType abstractType, object value, FieldPlan plan,
        ResultPath? parentPath)
    {
        var hook = abstractType is ExecutableInterfaceType i ? i.TypeResolver : ((ExecutableUnionType)abstractType).TypeResolver;
        string? name = null;
        if (hook is not null)
        {
            var context = new ResolverContext(_context, plan.ParentType, plan.Field, plan.Nodes, value,
                ArgumentValues.Empty, parentPath, plan.ResponseKey);
            name = hook(value, context);
        }
        name ??= value switch
        {
            JsonElement { ValueKind: JsonValueKind.Object } json when json.TryGetProperty("__typename", out var t) &&
                t.ValueKind == JsonValueKind.String => t.GetString(),
            IReadOnlyDictionary<string, object?> map when map.TryGetValue("__typename", out var t) => t as string,
            IDictionary<string, object?> map when map.TryGetValue("__typename", out var t) => t as string,
            _ => null,
        };
        if (name is null && value is not JsonElement)
        {
            var clrName = value.GetType().Name;
            if (_context.Schema.GetType(clrName) is not null) name = clrName;
        }
        if (name is null)
        {
            throw new GraphQLException(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{plan.ParentType.Name}.{plan.Field.Name}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");
        }
        var runtimeType = _context.Schema.GetType(name);
        if (runtimeType is null)
            throw new GraphQLException(
                $"Abstract type \"{abstractType.Name}\" was resolved to a type \"{name}\" that does not exist inside the schema.");
        if (runtimeType is not ExecutableObjectType objectType)
            throw new GraphQLException(
                $"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{name}\".");
        if (!ExecutableSchema.IsPossibleType(abstractType, objectType))
            throw new GraphQLException($"Runtime Object type \"{name}\" is not a possible type for \"{abstractType.Name}\".");
        return objectType;
    }

    private bool IsFieldError(Exception ex) =>
        ex is not OperationCanceledException || !_context.CancellationToken.IsCancellationRequested;

    /// <summary>Records a field error at the position and returns what the position becomes (null or propagate).</summary>
    private ResultValue HandleFieldError(Exception ex, ExecutableTypeRef type, FieldPlan plan, ResultPath? parentPath,
        string? key, int index)
    {
        var path = key is not null ? ResultPath.ToList(parentPath, key) : ResultPath.ToList(ResultPath.Item(parentPath, index), null);
        _context.AddError(ToError(ex, plan, path));
        return type.IsNonNull ? ResultValue.Invalid : ResultValue.Null;
    }

    internal GraphQLError ToError(Exception ex, FieldPlan plan, IReadOnlyList<object> path)
    {
        IReadOnlyList<SourceLocation> locations = ex is LocatedGraphQLException located ? [located.Location] : plan.Locations;
        if (ex is GraphQLException graphQL)
        {
            IReadOnlyDictionary<string, object?>? extensions = graphQL.Extensions;
            if (graphQL.Code is not null)
            {
                var merged = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = graphQL.Code };
                if (graphQL.Extensions is not null)
                    foreach (var pair in graphQL.Extensions) merged.TryAdd(pair.Key, pair.Value);
                extensions = merged;
            }
            return new GraphQLError(graphQL.Message, locations, path, extensions, ex);
        }
        var message = _context.Schema.ExposeExceptionMessages ? ex.Message : "Unexpected Execution Error";
        return new GraphQLError(message, locations, path, null, ex);
    }
}
