using System.Linq.Expressions;
using System.Reflection;
using Hotspot.GraphQL.Execution;

namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Binds one resolver method into the engine's <see cref="FieldResolver"/>: an expression tree, built and checked at
/// load and compiled on the field's first call (<see cref="LazyResolver"/>), that fills each parameter (argument, parent, service, cancellation, context, per-call scoped value) and adapts the
/// result, wrapped in the method's middleware. A problem (a parameter that fits nothing, an argument no parameter
/// takes) is reported naming both the method and the field.
/// </summary>
internal sealed class ResolverMethodCompiler(IReadOnlyDictionary<Type, ScopedValueFactory> scopedFactories, List<string> problems)
{
    private static readonly MethodInfo ArgumentMethod = typeof(ResolverParameters).GetMethod(nameof(ResolverParameters.Argument))!;
    private static readonly MethodInfo ServiceMethod = typeof(ResolverParameters).GetMethod(nameof(ResolverParameters.Service))!;
    private static readonly MethodInfo ParentMethod = typeof(ResolverParameters).GetMethod(nameof(ResolverParameters.Parent))!;
    private static readonly PropertyInfo CancellationProperty = typeof(ResolverContext).GetProperty(nameof(ResolverContext.CancellationToken))!;

    /// <summary>The field's resolver, or null after reporting why the method does not fit the field.</summary>
    /// <param name="argumentsReadByStream">
    /// True for the per-event resolver of a subscription field whose stream method reads the arguments: the resolver
    /// may take some or none of them.
    /// </param>
    public FieldResolver? CompileResolver(MethodInfo method, object? instance, ExecutableField field, bool argumentsReadByStream = false)
    {
        var context = Expression.Parameter(typeof(ResolverContext), "context");
        var scopedValues = Expression.Parameter(typeof(object[]), "scopedValues");
        if (!TryBindParameters(method, field, context, scopedValues, !argumentsReadByStream, out var arguments, out var scoped)) return null;
        var resultType = UnwrapTask(method.ReturnType);
        var call = Expression.Call(instance is null ? null : Expression.Constant(instance), method, arguments);
        var body = AdaptResult(call, method.ReturnType);
        var middleware = Middleware(method, resultType, field);
        if (middleware is null) return null;
        var name = $"{method.DeclaringType!.Name}.{method.Name}";
        if (scoped.Count > 0)
        {
            var withScoped = Expression.Lambda<Func<ResolverContext, object?[], ValueTask<object?>>>(body, name, [context, scopedValues]);
            var factories = scoped.ToArray();
            return new LazyResolver(field, () => WithScopedValues(factories, withScoped.Compile(), middleware)).Resolve;
        }
        var lambda = Expression.Lambda<FieldResolver>(body, name, [context]);
        return new LazyResolver(field, () => Chain(middleware, lambda.Compile())).Resolve;
    }

    /// <summary>The field's source stream (a <see cref="SubscribeAttribute"/> method), or null after reporting a problem.</summary>
    public SubscriptionResolver? CompileSubscription(MethodInfo method, object? instance, ExecutableField field)
    {
        var context = Expression.Parameter(typeof(ResolverContext), "context");
        if (!TryBindParameters(method, field, context, null, requireEveryArgument: true, out var arguments, out _)) return null;
        var call = Expression.Call(instance is null ? null : Expression.Constant(instance), method, arguments);
        var returnType = method.ReturnType;
        Expression? body = null;
        if (EventType(returnType) is { } eventType)
        {
            var events = Expression.Call(typeof(ResolverResults).GetMethod(nameof(ResolverResults.Events))!.MakeGenericMethod(eventType), call);
            body = Expression.New(typeof(ValueTask<IAsyncEnumerable<object?>>).GetConstructor([typeof(IAsyncEnumerable<object?>)])!, events);
        }
        else if (returnType.IsGenericType && EventType(returnType.GetGenericArguments()[0]) is { } awaitedEventType)
        {
            var adapter = returnType.GetGenericTypeDefinition() == typeof(Task<>) ? nameof(ResolverResults.EventsFromTask)
                : returnType.GetGenericTypeDefinition() == typeof(ValueTask<>) ? nameof(ResolverResults.EventsFromValueTask) : null;
            if (adapter is not null)
                body = Expression.Call(typeof(ResolverResults).GetMethod(adapter)!.MakeGenericMethod(awaitedEventType), call);
        }
        if (body is null)
        {
            problems.Add($"{Describe(method)} is marked [Subscribe] for {field.Coordinate}, but returns {returnType.Name}, not IAsyncEnumerable<T> (or a task of one).");
            return null;
        }
        return Expression.Lambda<SubscriptionResolver>(body, $"{method.DeclaringType!.Name}.{method.Name}", [context]).Compile();
    }

    /// <param name="scopedValues">The per-call values' array; null where none may be made (subscription streams).</param>
    private bool TryBindParameters(MethodInfo method, ExecutableField field, ParameterExpression context,
        ParameterExpression? scopedValues, bool requireEveryArgument, out List<Expression> arguments, out List<ScopedValueFactory> scoped)
    {
        arguments = new List<Expression>();
        scoped = new List<ScopedValueFactory>();
        var unread = field.Arguments.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var attribute in MiddlewareAttributes(method)) unread.ExceptWith(attribute.ArgumentsRead);
        var readsContext = false;
        var ok = true;
        foreach (var parameter in method.GetParameters())
        {
            var type = parameter.ParameterType;
            var argumentName = parameter.GetCustomAttribute<GraphQLNameAttribute>()?.Name ?? parameter.Name!;
            if (type == typeof(CancellationToken))
                arguments.Add(Expression.Property(context, CancellationProperty));
            else if (type == typeof(ResolverContext))
            {
                arguments.Add(context);
                readsContext = true;
            }
            else if (parameter.IsDefined(typeof(ParentAttribute)))
                arguments.Add(Expression.Call(ParentMethod.MakeGenericMethod(type), context));
            else if (!parameter.IsDefined(typeof(ServiceAttribute)) && field.Arguments.Any(a => a.Name == argumentName))
            {
                unread.Remove(argumentName);
                var fallback = parameter.HasDefaultValue && parameter.DefaultValue is not null
                    ? Expression.Constant(parameter.DefaultValue, type)
                    : (Expression)Expression.Default(type);
                arguments.Add(Expression.Call(ArgumentMethod.MakeGenericMethod(type), context, Expression.Constant(argumentName), fallback));
            }
            else if (scopedFactories.TryGetValue(type, out var factory))
            {
                if (scopedValues is null)
                {
                    problems.Add($"{Describe(method)} takes a per-call {type.Name}, which a subscription stream cannot own; take a service that outlives the call.");
                    ok = false;
                    continue;
                }
                arguments.Add(Expression.Convert(Expression.ArrayIndex(scopedValues, Expression.Constant(scoped.Count)), type));
                scoped.Add(factory);
            }
            else if (LooksLikeArgument(type) && !parameter.IsDefined(typeof(ServiceAttribute)))
            {
                var names = field.Arguments.Length == 0 ? "none" : string.Join(", ", field.Arguments.Select(a => a.Name));
                problems.Add($"{Describe(method)} has parameter \"{parameter.Name}\", but {field.Coordinate} has no argument \"{argumentName}\" (its arguments: {names}).");
                ok = false;
            }
            else
                arguments.Add(Expression.Call(ServiceMethod.MakeGenericMethod(type), context));
        }
        // A method taking the context may read arguments itself; otherwise each argument needs its parameter.
        if (!readsContext && requireEveryArgument)
        {
            foreach (var name in unread)
            {
                problems.Add($"{field.Coordinate} has argument \"{name}\", but {Describe(method)} has no parameter \"{name}\".");
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>Arguments are leaves, lists and input records; services are classes and interfaces named by no argument.</summary>
    private static bool LooksLikeArgument(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal) ||
               underlying == typeof(Guid) || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying.IsArray;
    }

    private List<FieldMiddleware>? Middleware(MethodInfo method, Type resultType, ExecutableField field)
    {
        var result = new List<FieldMiddleware>();
        foreach (var attribute in MiddlewareAttributes(method))
        {
            try
            {
                result.Add(attribute.Create(method, resultType));
            }
            catch (InvalidOperationException ex)
            {
                problems.Add($"{Describe(method)} ({field.Coordinate}): {ex.Message}");
                return null;
            }
        }
        return result;
    }

    /// <summary>The class's middleware outermost, then the method's, each in the order written.</summary>
    private static IEnumerable<FieldMiddlewareAttribute> MiddlewareAttributes(MethodInfo method) =>
        method.DeclaringType!.GetCustomAttributes<FieldMiddlewareAttribute>(inherit: true)
            .Concat(method.GetCustomAttributes<FieldMiddlewareAttribute>(inherit: true));

    private static FieldResolver Wrap(FieldMiddleware middleware, FieldResolver next) => context => middleware(context, next);

    /// <summary>The middleware around the method, the first written outermost.</summary>
    private static FieldResolver Chain(List<FieldMiddleware> middleware, FieldResolver method)
    {
        for (int i = middleware.Count - 1; i >= 0; i--) method = Wrap(middleware[i], method);
        return method;
    }

    /// <summary>
    /// Makes the call's scoped values before the middleware runs and disposes them after it completes. Only methods
    /// that take such values pay for the per-call chain; the engine's <see cref="ResolverContext"/> stays as it was.
    /// </summary>
    private static FieldResolver WithScopedValues(ScopedValueFactory[] factories,
        Func<ResolverContext, object?[], ValueTask<object?>> invoke, List<FieldMiddleware> middleware) => async context =>
    {
        var values = new object?[factories.Length];
        try
        {
            for (int i = 0; i < factories.Length; i++) values[i] = await factories[i](context).ConfigureAwait(false);
            return await Chain(middleware, call => invoke(call, values))(context).ConfigureAwait(false);
        }
        finally
        {
            foreach (var value in values)
            {
                if (value is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                else (value as IDisposable)?.Dispose();
            }
        }
    };

    private static Expression AdaptResult(Expression call, Type returnType)
    {
        if (returnType == typeof(void))
            return Expression.Block(call, Expression.Default(typeof(ValueTask<object?>)));
        if (returnType == typeof(Task))
            return Expression.Call(typeof(ResolverResults).GetMethod(nameof(ResolverResults.FromTask), [typeof(Task)])!, call);
        if (returnType == typeof(ValueTask))
            return Expression.Call(typeof(ResolverResults).GetMethod(nameof(ResolverResults.FromValueTask), [typeof(ValueTask)])!, call);
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
            return Expression.Call(GenericAdapter(nameof(ResolverResults.FromTask), returnType.GetGenericArguments()[0]), call);
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            return Expression.Call(GenericAdapter(nameof(ResolverResults.FromValueTask), returnType.GetGenericArguments()[0]), call);
        return Expression.Call(GenericAdapter(nameof(ResolverResults.FromValue), returnType), call);
    }

    private static MethodInfo GenericAdapter(string name, Type argument) =>
        typeof(ResolverResults).GetMethods().Single(m => m.Name == name && m.IsGenericMethodDefinition).MakeGenericMethod(argument);

    /// <summary>What the awaited result of a method of this return type is.</summary>
    internal static Type UnwrapTask(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask)) return typeof(void);
        if (returnType.IsGenericType &&
            (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            return returnType.GetGenericArguments()[0];
        return returnType;
    }

    private static Type? EventType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>) ? type.GetGenericArguments()[0] : null;

    internal static string Describe(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";
}
