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
    /// With <paramref name="subscriptions"/>, the same route also serves GraphQL over WebSocket (an upgrade request;
    /// the app must call <c>UseWebSockets()</c>) and over Server-Sent Events (a request accepting text/event-stream).
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern,
        ExecutableSchema schema, GraphQLHttpOptions? options = null, GraphQLSubscriptionOptions? subscriptions = null)
    {
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(GraphQLHttpHandler).FullName!);
        options ??= new GraphQLHttpOptions();
        var handler = new GraphQLHttpHandler(schema, options, logger);
        if (subscriptions is null)
            return endpoints.Map(pattern, (RequestDelegate)handler.HandleAsync).WithDisplayName("GraphQL " + pattern);
        var executor = new StreamingRequestExecutor(schema, options);
        var connections = new PrincipalConnections(subscriptions.MaxConnectionsPerPrincipal);
        var sockets = new GraphQLWebSocketHandler(executor, options, subscriptions, connections, logger);
        var events = new GraphQLSseHandler(executor, options, subscriptions, connections, logger);
        RequestDelegate serve = context =>
            context.WebSockets.IsWebSocketRequest ? sockets.HandleAsync(context)
            : GraphQLSseHandler.IsEventStreamRequest(context.Request) ? events.HandleAsync(context)
            : handler.HandleAsync(context);
        return endpoints.Map(pattern, serve).WithDisplayName("GraphQL " + pattern);
    }
}
