using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The admin API's executable schema: schema.graphql (copied beside the binaries) with every field bound strictly.
/// A field without a resolver, or a resolver for a field the file lacks, stops the application at start-up.
/// </summary>
public static class AdminSchema
{
    public const string FileName = "schema.graphql";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    public static ExecutableSchema Load(string path) => Build(File.ReadAllText(path));

    public static ExecutableSchema Build(string sdl) => ExecutableSchemaBuilder.FromSdl(sdl)
        .BindQuery()
        .BindMutations()
        .BindRouterMutations()
        .BindOrganization()
        .BindEntities()
        .BindPayments()
        .BindResolvePayment()
        .BindSubscriptions()
        .RequireExplicitResolvers()
        .Build();
}
