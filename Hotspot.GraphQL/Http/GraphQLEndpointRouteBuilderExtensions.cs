using Hotspot.GraphQL.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.GraphQL.Http;

/// <summary>Maps a GraphQL-over-HTTP endpoint (GET and POST, plus 405 for other methods) onto a route.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="schema"/> at <paramref name="pattern"/>, e.g. <c>app.MapGraphQL("/graphql", schema)</c>.
    /// Every HTTP method reaches the handler so that unsupported ones get 405 with <c>Allow: GET, POST</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern,
        ExecutableSchema schema, GraphQLHttpOptions? options = null)
    {
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(GraphQLHttpHandler).FullName!);
        var handler = new GraphQLHttpHandler(schema, options ?? new GraphQLHttpOptions(), logger);
        return endpoints.Map(pattern, (RequestDelegate)handler.HandleAsync).WithDisplayName("GraphQL " + pattern);
    }
}
