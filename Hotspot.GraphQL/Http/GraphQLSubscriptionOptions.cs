using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// Settings of the streaming transports at a GraphQL endpoint: GraphQL over WebSocket (<c>graphql-transport-ws</c>)
/// and GraphQL over Server-Sent Events (graphql-sse, distinct connections mode). Every limit refuses with the
/// protocol's own signal: a close code on a socket, a status code before an event stream starts.
/// </summary>
public sealed class GraphQLSubscriptionOptions
{
    /// <summary>How long a socket may stay open without <c>connection_init</c>; then it is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the server sends a <c>ping</c> (WebSocket) or an SSE comment, so proxies keep the line open.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A socket with no running operation and no message from the client for this long is closed (1000).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a connection's credentials are checked again; a refusal ends it (WebSocket 4403).</summary>
    public TimeSpan ReauthorizeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most operations running at once on one socket; one more gets an <c>error</c> message.</summary>
    public int MaxOperationsPerConnection { get; set; } = 50;

    /// <summary>Most sockets and event streams one principal may hold open; one more is refused (1008, or 429).</summary>
    public int MaxConnectionsPerPrincipal { get; set; } = 20;

    /// <summary>Largest message a client may send over a socket (1009 beyond it), and largest SSE request body (413).</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Says who a connection belongs to: called with the <c>connection_init</c> payload (WebSocket) or none (SSE,
    /// whose credentials travel in headers), and again every <see cref="ReauthorizeInterval"/> with a fresh service
    /// scope. Returns a key naming the principal, or null to refuse. Null (the default) lets everyone in, uncounted.
    /// </summary>
    public GraphQLConnectionAuthenticator? Authenticate { get; set; }
}

/// <summary>See <see cref="GraphQLSubscriptionOptions.Authenticate"/>.</summary>
public delegate ValueTask<string?> GraphQLConnectionAuthenticator(HttpContext context, JsonElement? initPayload,
    IServiceProvider services, CancellationToken cancellationToken);
