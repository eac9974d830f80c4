using Hotspot.GraphQL.Execution;

namespace Hotspot.GraphQL.Binding;

/// <summary>
/// A bound method's resolver whose expression tree was built and checked at load, compiled on the field's first call.
/// Compiling every resolver of the admin schema up front was about a third of the API's start-up; most fields are not
/// called soon after a start. The first call puts the compiled resolver on the field, so later calls skip this one.
/// Two first calls at once may both compile; either result is the same resolver.
/// </summary>
internal sealed class LazyResolver(ExecutableField field, Func<FieldResolver> compile)
{
    private FieldResolver? _compiled;

    public ValueTask<object?> Resolve(ResolverContext context) => (_compiled ?? Compile())(context);

    private FieldResolver Compile()
    {
        Interlocked.CompareExchange(ref _compiled, compile(), null);
        field.Resolver = _compiled;
        return _compiled!;
    }
}
