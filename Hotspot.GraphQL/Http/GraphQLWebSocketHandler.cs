using System.Net.WebSockets;
using Hotspot.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// GraphQL over WebSocket at a GraphQL endpoint: accepts the upgrade with the <c>graphql-transport-ws</c> subprotocol
/// (the graphql-ws library's PROTOCOL.md) and runs one <see cref="GraphQLWebSocketConnection"/> per socket. A client
/// that offers no such subprotocol is accepted and closed with 4406, as graphql-ws's own server does.
/// </summary>
public sealed class GraphQLWebSocketHandler
{
    public const string SubProtocol = "graphql-transport-ws";

    private readonly StreamingRequestExecutor _executor;
    private readonly GraphQLHttpOptions _httpOptions;
    private readonly GraphQLSubscriptionOptions _options;
    private readonly PrincipalConnections _connections;
    private readonly ILogger? _logger;

    public GraphQLWebSocketHandler(ExecutableSchema schema, GraphQLHttpOptions httpOptions, GraphQLSubscriptionOptions options,
        ILogger? logger = null)
        : this(new StreamingRequestExecutor(schema, httpOptions), httpOptions, options,
            new PrincipalConnections(options.MaxConnectionsPerPrincipal), logger)
    {
    }

    internal GraphQLWebSocketHandler(StreamingRequestExecutor executor, GraphQLHttpOptions httpOptions, GraphQLSubscriptionOptions options,
        PrincipalConnections connections, ILogger? logger)
    {
        _executor = executor;
        _httpOptions = httpOptions;
        _options = options;
        _connections = connections;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var offered = context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(offered ? SubProtocol : null);
        if (!offered)
        {
            await CloseQuietlyAsync(socket, 4406, "Subprotocol not acceptable");
            return;
        }
        var connection = new GraphQLWebSocketConnection(context, socket, _executor, _httpOptions, _options, _connections, _logger);
        await connection.RunAsync();
    }

    internal static async Task CloseQuietlyAsync(WebSocket socket, int code, string reason)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone already: nothing to tell it.
        }
    }
}
