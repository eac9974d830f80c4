namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Resolves one field for one parent value. Synchronous resolvers return a completed <see cref="ValueTask{T}"/>
/// (no allocation); the builder's <c>Resolve</c>/<c>ResolveAsync</c> overloads wrap plain lambdas into this shape.
/// </summary>
public delegate ValueTask<object?> FieldResolver(ResolverContext context);

/// <summary>
/// Names the object type of a value of an interface or union; null falls back to the default
/// (a <c>__typename</c> property or key, then the CLR type's name).
/// </summary>
public delegate string? TypeResolver(object value, ResolverContext context);
