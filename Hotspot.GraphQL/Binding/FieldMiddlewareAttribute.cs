namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Wraps a resolver method in behaviour its attribute names (HotChocolate's <c>[UsePaging]</c>, <c>[UseFiltering]</c>):
/// paging a returned query, translating exceptions... On a class it wraps every method of the class. The binder calls
/// <see cref="Create"/> once at start-up; the returned middleware runs per call.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public abstract class FieldMiddlewareAttribute : Attribute
{
    /// <summary>Arguments the middleware reads itself, so the method needs no parameter for them.</summary>
    public virtual IReadOnlyCollection<string> ArgumentsRead => [];

    /// <summary>
    /// The middleware for <paramref name="method"/>, whose result (after awaiting a task) has type
    /// <paramref name="resultType"/>. Throw <see cref="InvalidOperationException"/> when the method does not fit: the
    /// message becomes a start-up problem.
    /// </summary>
    public abstract FieldMiddleware Create(System.Reflection.MethodInfo method, Type resultType);
}

/// <summary>Runs around the next step of a field's resolution; <paramref name="next"/> calls the method (or the next middleware).</summary>
public delegate ValueTask<object?> FieldMiddleware(ResolverContext context, FieldResolver next);
