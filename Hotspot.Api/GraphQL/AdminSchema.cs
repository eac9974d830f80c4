using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Hotspot.Storage;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The admin API's executable schema: schema.graphql (copied beside the binaries) bound to the resolver classes of
/// this assembly (<see cref="ObjectTypeAttribute"/>, <see cref="ExtendObjectTypeAttribute"/>), compiled once. A field
/// without a method or backing property, or a method without a field, stops the application at start-up.
/// </summary>
public static class AdminSchema
{
    public const string FileName = "schema.graphql";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>Every class of this assembly marked as resolving an object type.</summary>
    public static Type[] ResolverClasses { get; } = typeof(AdminSchema).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(ObjectTypeAttribute), inherit: false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    public static ExecutableSchema Load(string path) => Build(File.ReadAllText(path));

    public static ExecutableSchema Build(string sdl) => ExecutableSchemaBuilder.FromSdl(sdl)
        .AddResolvers(ResolverClasses)
        // A database context of its own per resolver: sibling fields run concurrently and a DbContext is not thread-safe.
        .ResolverScoped(context => new ValueTask<HotspotDbContext>(Resolve.DatabaseAsync(context)))
        .ResolveType("Payment", PaymentResolvers.TypeOf)
        .RequireExplicitResolvers()
        .Build();
}
