using Hotspot.GraphQL.Execution;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The admin schema, loaded on a thread of its own from the moment the services are registered: binding it was a
/// sixth of the start-up's serial work, and nothing needs it before the routes are mapped, so it overlaps with
/// building the host.
/// </summary>
public sealed class AdminSchemaLoading
{
    private readonly Task<ExecutableSchema> _schema = Task.Run(() => AdminSchema.Load(AdminSchema.DefaultPath));

    /// <summary>The schema, once loaded; a binding problem is thrown here and stops the start, as before.</summary>
    public ExecutableSchema Wait() => _schema.GetAwaiter().GetResult();
}
