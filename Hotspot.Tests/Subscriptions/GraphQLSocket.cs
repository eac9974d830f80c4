using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotspot.Tests.Subscriptions;

/// <summary>
/// A bare <c>graphql-transport-ws</c> client over <see cref="ClientWebSocket"/>, so tests see every message and close
/// code exactly as the server sends them.
/// </summary>
public sealed class GraphQLSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private GraphQLSocket()
    {
    }

    public static async Task<GraphQLSocket> ConnectAsync(Uri url, string? subProtocol = "graphql-transport-ws")
    {
        var socket = new GraphQLSocket();
        if (subProtocol is not null) socket._socket.Options.AddSubProtocol(subProtocol);
        await socket._socket.ConnectAsync(url, CancellationToken.None);
        return socket;
    }

    public string? SubProtocol => _socket.SubProtocol;

    /// <summary><c>connection_init</c> with the token as graphql-ws clients send it, then the <c>connection_ack</c>.</summary>
    public static async Task<GraphQLSocket> OpenAsync(Uri url, string token)
    {
        var socket = await ConnectAsync(url);
        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });
        var ack = await socket.ReceiveAsync();
        Assert.That(ack?["type"]?.GetValue<string>(), Is.EqualTo("connection_ack"), ack?.ToJsonString() ?? socket.CloseDescription);
        return socket;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message, skipping the server's keep-alive pings; null when the socket closed (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonNode?> ReceiveAsync(TimeSpan? timeout = null, bool skipPings = true)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var buffer = new byte[64 * 1024];
            var length = 0;
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), cancellation.Token);
                length += received.Count;
            } while (!received.EndOfMessage);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            var message = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!;
            if (skipPings && message["type"]?.GetValue<string>() == "ping") continue;
            return message;
        }
    }

    /// <summary>Reads until the server closes the socket; the close code.</summary>
    public async Task<int?> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        try
        {
            while (await ReceiveAsync(timeout) is not null)
            {
            }
        }
        catch (WebSocketException)
        {
        }
        return (int?)_socket.CloseStatus;
    }

    public int? CloseStatus => (int?)_socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        _socket.Dispose();
    }
}
