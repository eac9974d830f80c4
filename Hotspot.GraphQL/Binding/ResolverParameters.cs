using Hotspot.GraphQL.Execution;

namespace Hotspot.GraphQL.Binding;

/// <summary>What compiled resolver methods call to fill their parameters (one call per parameter, no reflection).</summary>
internal static class ResolverParameters
{
    /// <summary>An argument; absent (optional, no default) gives the parameter's default.</summary>
    public static T Argument<T>(ResolverContext context, string name, T fallback) =>
        context.Arguments.TryGetValue(name, out var value) ? ArgumentConverter.Convert<T>(value, name) : fallback;

    /// <summary>A service of the request; a missing registration is a bug, said plainly.</summary>
    public static T Service<T>(ResolverContext context) where T : notnull => context.Service<T>();

    public static T Parent<T>(ResolverContext context) => context.ParentAs<T>();
}
