using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Hotspot.GraphQL.Execution;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// One socket speaking <c>graphql-transport-ws</c>: <c>connection_init</c> (within the timeout, else 4408; refused
/// with 4403; twice is 4429), <c>connection_ack</c>, <c>subscribe</c> (before the ack 4401; an id still running
/// 4409), <c>next</c>, <c>error</c>, <c>complete</c> both ways, <c>ping</c>/<c>pong</c> both ways; anything else
/// closes with 4400. The server pings every keep-alive interval, checks the credentials again on a timer (4403 when
/// they no longer hold), and closes a socket left idle. Operations run concurrently in one service scope per
/// socket (created at the ack); leaving cancels them all and releases their event streams.
/// </summary>
internal sealed class GraphQLWebSocketConnection
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly StreamingRequestExecutor _executor;
    private readonly GraphQLHttpOptions _httpOptions;
    private readonly GraphQLSubscriptionOptions _options;
    private readonly PrincipalConnections _connections;
    private readonly ILogger? _logger;
    private readonly SemaphoreSlim _sending = new(1, 1);
    // Ends operations and timers; the receive loop has its own token, so a close frame we send is not cut off by
    // aborting the read: the client's answering close frame ends the loop, or the abort after CloseHandshakeTimeout.
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _receiving = new();
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
    private readonly List<Task> _running = new();
    private AsyncServiceScope? _scope;
    private JsonElement? _initPayload;
    private string? _principal;
    private bool _initReceived;
    private volatile bool _acknowledged;
    private int _closed;
    private long _lastActivity = Environment.TickCount64;

    public GraphQLWebSocketConnection(HttpContext context, WebSocket socket, StreamingRequestExecutor executor,
        GraphQLHttpOptions httpOptions, GraphQLSubscriptionOptions options, PrincipalConnections connections, ILogger? logger)
    {
        _context = context;
        _socket = socket;
        _executor = executor;
        _httpOptions = httpOptions;
        _options = options;
        _connections = connections;
        _logger = logger;
    }

    public async Task RunAsync()
    {
        var housekeeping = HousekeepAsync(_closing.Token);
        try
        {
            await ReceiveAsync(_receiving.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ConnectionAbortedException or IOException)
        {
            // The client left without a close frame, or the server closed the socket: both end here.
        }
        finally
        {
            await _closing.CancelAsync();
            await housekeeping;
            Task[] running;
            lock (_running) running = _running.ToArray();
            await Task.WhenAll(running);
            if (_principal is not null) _connections.Leave(_principal);
            if (_scope is { } scope) await scope.DisposeAsync();
            _closing.Dispose();
            _receiving.Dispose();
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
                buffer.Advance(received.Count);
                if (buffer.WrittenCount > _options.MaxMessageBytes)
                {
                    await CloseAsync(1009, "Message too big");
                    return;
                }
            } while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync((int)WebSocketCloseStatus.NormalClosure, ""); // the answer, unless we closed first
                return;
            }
            if (Volatile.Read(ref _closed) != 0) continue; // closing: only the client's close frame matters now
            Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
            if (received.MessageType != WebSocketMessageType.Text)
            {
                await CloseAsync(4400, "Invalid message received: only text messages are accepted");
                return;
            }
            JsonDocument message;
            try
            {
                message = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = _httpOptions.MaxJsonDepth });
            }
            catch (JsonException)
            {
                await CloseAsync(4400, "Invalid message received: not JSON");
                return;
            }
            using (message)
            {
                if (!await HandleAsync(message.RootElement)) return;
            }
        }
    }

    /// <summary>Acts on one client message; false once the socket is being closed.</summary>
    private async ValueTask<bool> HandleAsync(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            return await RefuseAsync(4400, "Invalid message received: no \"type\"");
        switch (type.GetString())
        {
            case "connection_init":
                return await InitializeAsync(message);
            case "ping":
                await SendAsync(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("type", "pong");
                    w.WriteEndObject();
                }, _closing.Token);
                return true;
            case "pong":
                return true;
            case "subscribe":
                return await SubscribeAsync(message);
            case "complete":
                if (message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    && _operations.TryRemove(id.GetString()!, out var operation))
                    await operation.CancelAsync();
                return true;
            default:
                return await RefuseAsync(4400, "Invalid message received: unknown type");
        }
    }

    private async ValueTask<bool> InitializeAsync(JsonElement message)
    {
        if (_initReceived) return await RefuseAsync(4429, "Too many initialisation requests");
        _initReceived = true;
        if (message.TryGetProperty("payload", out var payload))
        {
            if (payload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                return await RefuseAsync(4400, "Invalid message received: payload must be an object");
            if (payload.ValueKind == JsonValueKind.Object) _initPayload = payload.Clone();
        }
        if (_options.Authenticate is not null)
        {
            var principal = await AuthenticateAsync(_closing.Token);
            if (principal is null) return await RefuseAsync(4403, "Forbidden");
            if (!_connections.TryEnter(principal)) return await RefuseAsync(1008, "Too many connections");
            _principal = principal;
        }
        _scope = _context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        _acknowledged = true;
        await SendAsync(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "connection_ack");
            w.WriteEndObject();
        }, _closing.Token);
        return true;
    }

    private async ValueTask<bool> SubscribeAsync(JsonElement message)
    {
        if (!_acknowledged) return await RefuseAsync(4401, "Unauthorized");
        if (!message.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String
            || idElement.GetString() is not { Length: > 0 } id)
            return await RefuseAsync(4400, "Invalid message received: subscribe needs an \"id\"");
        if (!message.TryGetProperty("payload", out var payload) || ReadRequest(payload) is not { } request)
            return await RefuseAsync(4400, "Invalid message received: subscribe needs a payload with a \"query\"");
        if (_operations.Count >= _options.MaxOperationsPerConnection)
        {
            if (_operations.ContainsKey(id)) return await RefuseAsync(4409, $"Subscriber for {id} already exists");
            await SendErrorAsync(id, $"Too many operations on this connection (at most {_options.MaxOperationsPerConnection}).");
            return true;
        }
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        if (!_operations.TryAdd(id, cancellation))
        {
            cancellation.Dispose();
            return await RefuseAsync(4409, $"Subscriber for {id} already exists");
        }
        var running = RunOperationAsync(id, request, cancellation);
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(running);
        }
        return true;
    }

    private async Task RunOperationAsync(string id, GraphQLHttpRequest request, CancellationTokenSource cancellation)
    {
        await Task.Yield(); // the receive loop goes on reading while this operation runs
        var token = cancellation.Token;
        try
        {
            var started = await _executor.StartAsync(_context, request, _scope!.Value.ServiceProvider, token);
            if (started.Events is null)
            {
                var result = started.Result!;
                LogUnexpectedErrors(result);
                if (!result.HasData)
                {
                    if (!token.IsCancellationRequested) await SendErrorsAsync(id, result);
                    return;
                }
                await SendNextAsync(id, result, token);
            }
            else
            {
                await foreach (var result in started.Events.WithCancellation(token))
                {
                    LogUnexpectedErrors(result);
                    await SendNextAsync(id, result, token);
                }
            }
            if (!token.IsCancellationRequested) await SendCompleteAsync(id, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client completed the operation or left.
        }
        catch (WebSocketException)
        {
            await CloseAsync(1011, "");
        }
        catch (Exception e)
        {
            _logger?.LogError(e, "A GraphQL operation over WebSocket failed unexpectedly");
            await CloseAsync(4500, "Internal server error");
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancellation));
            Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
            cancellation.Dispose();
        }
    }

    /// <summary>Init timeout, keep-alive pings, credentials checked again, idle close: one timer for all of them.</summary>
    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        var shortest = new[] { _options.ConnectionInitTimeout, _options.KeepAliveInterval, _options.IdleTimeout, _options.ReauthorizeInterval }
            .Where(t => t > TimeSpan.Zero).DefaultIfEmpty(TimeSpan.FromSeconds(1)).Min();
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(shortest.TotalMilliseconds / 4, 20, 1000));
        var started = Environment.TickCount64;
        long lastPing = started, lastCheck = started;
        using var timer = new PeriodicTimer(tick);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = Environment.TickCount64;
                if (!_initReceived)
                {
                    if (now - started >= _options.ConnectionInitTimeout.TotalMilliseconds)
                    {
                        await CloseAsync(4408, "Connection initialisation timeout");
                        return;
                    }
                    continue;
                }
                if (!_acknowledged) continue;
                if (_options.KeepAliveInterval > TimeSpan.Zero && now - lastPing >= _options.KeepAliveInterval.TotalMilliseconds)
                {
                    lastPing = now;
                    await SendAsync(w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("type", "ping");
                        w.WriteEndObject();
                    }, cancellationToken);
                }
                if (_options.Authenticate is not null && now - lastCheck >= _options.ReauthorizeInterval.TotalMilliseconds)
                {
                    lastCheck = now;
                    if (await ReauthenticateAsync(cancellationToken) is false)
                    {
                        await CloseAsync(4403, "Forbidden");
                        return;
                    }
                }
                if (_operations.IsEmpty && now - Interlocked.Read(ref _lastActivity) >= _options.IdleTimeout.TotalMilliseconds)
                {
                    await CloseAsync((int)WebSocketCloseStatus.NormalClosure, "Idle");
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The socket is closing.
        }
    }

    private async ValueTask<string?> AuthenticateAsync(CancellationToken cancellationToken)
    {
        await using var scope = _context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await _options.Authenticate!(_context, _initPayload, scope.ServiceProvider, cancellationToken);
    }

    /// <summary>True or false when the check answered; null when it could not (e.g. the database is down): keep going.</summary>
    private async ValueTask<bool?> ReauthenticateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await AuthenticateAsync(cancellationToken) is not null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger?.LogWarning("The credentials of a GraphQL socket could not be checked again: {Reason}", e.Message);
            return null;
        }
    }

    private static GraphQLHttpRequest? ReadRequest(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) return null;
        if (!payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String) return null;
        string? operationName = null;
        if (payload.TryGetProperty("operationName", out var name))
        {
            if (name.ValueKind == JsonValueKind.String) operationName = name.GetString();
            else if (name.ValueKind != JsonValueKind.Null) return null;
        }
        JsonElement? variables = null, extensions = null;
        if (payload.TryGetProperty("variables", out var v))
        {
            if (v.ValueKind == JsonValueKind.Object) variables = v.Clone();
            else if (v.ValueKind != JsonValueKind.Null) return null;
        }
        if (payload.TryGetProperty("extensions", out var e))
        {
            if (e.ValueKind == JsonValueKind.Object) extensions = e.Clone();
            else if (e.ValueKind != JsonValueKind.Null) return null;
        }
        return new GraphQLHttpRequest(query.GetString(), operationName, variables, extensions);
    }

    private void LogUnexpectedErrors(ExecutionResult result)
    {
        foreach (var error in result.Errors)
        {
            if (error.OriginalError is { } e and not GraphQLException and not OperationCanceledException)
                _logger?.LogError(e, "A GraphQL resolver failed unexpectedly over WebSocket");
        }
    }

    private ValueTask SendNextAsync(string id, ExecutionResult result, CancellationToken cancellationToken) =>
        SendAsync(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("type", "next");
            w.WritePropertyName("payload");
            result.WriteTo(w);
            w.WriteEndObject();
        }, cancellationToken);

    private ValueTask SendCompleteAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("type", "complete");
            w.WriteEndObject();
        }, cancellationToken);

    /// <summary>The <c>error</c> message: the request errors of a refused operation (it is then complete).</summary>
    private ValueTask SendErrorsAsync(string id, ExecutionResult result) =>
        SendAsync(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("type", "error");
            w.WritePropertyName("payload");
            w.WriteStartArray();
            foreach (var error in result.Errors) ExecutionResult.WriteError(w, error);
            w.WriteEndArray();
            w.WriteEndObject();
        }, _closing.Token);

    private ValueTask SendErrorAsync(string id, string message) =>
        SendErrorsAsync(id, ExecutionResult.FromRequestError(new Errors.GraphQLError(message)));

    private async ValueTask SendAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _closed) != 0) return;
            await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async ValueTask<bool> RefuseAsync(int code, string reason)
    {
        await CloseAsync(code, reason);
        return false;
    }

    /// <summary>Sends the close frame once (after any message being sent) and stops the connection.</summary>
    private async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        var locked = await _sending.WaitAsync(TimeSpan.FromSeconds(5));
        try
        {
            await GraphQLWebSocketHandler.CloseQuietlyAsync(_socket, code, reason);
        }
        finally
        {
            if (locked) _sending.Release();
        }
        await _closing.CancelAsync();
        try
        {
            _receiving.CancelAfter(CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The receive loop is over already.
        }
    }
}
