using System.Buffers;
using System.Text;
using System.Text.Json;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// GraphQL over Server-Sent Events, the graphql-sse library's "distinct connections" mode: a GET or POST that
/// accepts <c>text/event-stream</c> gets one event stream for its one operation, with a <c>next</c> event per
/// result and a <c>complete</c> event at the end; closing the connection ends a subscription. As the protocol asks,
/// validation errors arrive as a <c>next</c> event on an accepted stream; only problems with the HTTP request
/// itself (unreadable body, refused credentials, too many connections) get a status code. Credentials travel in the
/// request's headers (e.g. <c>Authorization</c>) and are checked again on a timer: when they fail, the stream gets a
/// <c>next</c> with an UNAUTHENTICATED error and ends. A comment line keeps idle proxies from closing the stream.
/// </summary>
public sealed class GraphQLSseHandler
{
    public const string EventStream = "text/event-stream";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly byte[] KeepAlive = Encoding.UTF8.GetBytes(":\n\n");
    private static readonly byte[] Complete = Encoding.UTF8.GetBytes("event: complete\ndata: \n\n");

    private readonly StreamingRequestExecutor _executor;
    private readonly GraphQLHttpOptions _httpOptions;
    private readonly GraphQLSubscriptionOptions _options;
    private readonly PrincipalConnections _connections;
    private readonly ILogger? _logger;

    internal GraphQLSseHandler(StreamingRequestExecutor executor, GraphQLHttpOptions httpOptions, GraphQLSubscriptionOptions options,
        PrincipalConnections connections, ILogger? logger)
    {
        _executor = executor;
        _httpOptions = httpOptions;
        _options = options;
        _connections = connections;
        _logger = logger;
    }

    /// <summary>A GET or POST whose Accept header names <c>text/event-stream</c>.</summary>
    public static bool IsEventStreamRequest(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method)) return false;
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        return accepted.Any(a => a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var aborted = context.RequestAborted;
        var read = HttpMethods.IsGet(request.Method)
            ? GraphQLRequestReader.ReadGet(request.Query, _httpOptions.MaxJsonDepth)
            : await GraphQLRequestReader.ReadPostAsync(request.BodyReader, request.ContentLength, _options.MaxMessageBytes,
                _httpOptions.MaxJsonDepth, aborted);
        if (read.Problem is { } problem)
        {
            await GraphQLResponseWriter.WriteProblemAsync(response, ResponseMediaType.Json, problem);
            return;
        }

        var scopes = context.RequestServices.GetRequiredService<IServiceScopeFactory>();
        string? principal = null;
        if (_options.Authenticate is not null)
        {
            await using (var scope = scopes.CreateAsyncScope())
                principal = await _options.Authenticate(context, null, scope.ServiceProvider, aborted);
            if (principal is null)
            {
                await GraphQLResponseWriter.WriteProblemAsync(response, ResponseMediaType.Json,
                    new HttpRequestProblem(StatusCodes.Status401Unauthorized, "Unauthorized: send valid credentials in the request headers."));
                return;
            }
            if (!_connections.TryEnter(principal))
            {
                await GraphQLResponseWriter.WriteProblemAsync(response, ResponseMediaType.Json,
                    new HttpRequestProblem(StatusCodes.Status429TooManyRequests, "Too many open connections for these credentials."));
                return;
            }
        }

        try
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = EventStream + "; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise hold events back
            await response.StartAsync(aborted);
            // Headers reach the client only with a flush; without it an EventSource waits for the first event.
            await response.Body.FlushAsync(aborted);
            await StreamAsync(context, read.Request!, scopes, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client closed the stream: that is how a subscription ends here.
        }
        catch (IOException) when (aborted.IsCancellationRequested)
        {
        }
        finally
        {
            if (principal is not null) _connections.Leave(principal);
        }
    }

    private async Task StreamAsync(HttpContext context, GraphQLHttpRequest request, IServiceScopeFactory scopes, CancellationToken aborted)
    {
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var sending = new SemaphoreSlim(1, 1);
        await using var scope = scopes.CreateAsyncScope();
        var housekeeping = HousekeepAsync(context, sending, ending, scopes);
        try
        {
            var started = await _executor.StartAsync(context, request, scope.ServiceProvider, ending.Token);
            if (started.Events is null)
            {
                await SendNextAsync(context.Response, sending, started.Result!, ending.Token);
            }
            else
            {
                await foreach (var result in started.Events.WithCancellation(ending.Token))
                    await SendNextAsync(context.Response, sending, result, ending.Token);
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            // The credentials no longer hold: the housekeeping sent the reason; complete below.
        }
        finally
        {
            await ending.CancelAsync();
            await housekeeping;
        }
        await SendAsync(context.Response, sending, Complete, aborted);
    }

    /// <summary>Keep-alive comments, and the credentials checked again; a refusal ends the stream with a last error.</summary>
    private async Task HousekeepAsync(HttpContext context, SemaphoreSlim sending, CancellationTokenSource ending, IServiceScopeFactory scopes)
    {
        var token = ending.Token;
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(
            Math.Min(_options.KeepAliveInterval.TotalMilliseconds, _options.ReauthorizeInterval.TotalMilliseconds) / 4, 20, 1000));
        long lastPing = Environment.TickCount64, lastCheck = lastPing;
        using var timer = new PeriodicTimer(tick);
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                var now = Environment.TickCount64;
                if (_options.KeepAliveInterval > TimeSpan.Zero && now - lastPing >= _options.KeepAliveInterval.TotalMilliseconds)
                {
                    lastPing = now;
                    await SendAsync(context.Response, sending, KeepAlive, token);
                }
                if (_options.Authenticate is null || now - lastCheck < _options.ReauthorizeInterval.TotalMilliseconds) continue;
                lastCheck = now;
                string? principal;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    principal = await _options.Authenticate(context, null, scope.ServiceProvider, token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger?.LogWarning("The credentials of a GraphQL event stream could not be checked again: {Reason}", e.Message);
                    continue;
                }
                if (principal is not null) continue;
                var refused = ExecutionResult.FromRequestError(new GraphQLError("The credentials of this stream are no longer valid.",
                    extensions: new Dictionary<string, object?> { ["code"] = "UNAUTHENTICATED" }));
                await SendNextAsync(context.Response, sending, refused, token);
                await ending.CancelAsync();
                return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The stream is ending.
        }
    }

    private Task SendNextAsync(HttpResponse response, SemaphoreSlim sending, ExecutionResult result, CancellationToken cancellationToken)
    {
        foreach (var error in result.Errors)
        {
            if (error.OriginalError is { } e and not GraphQLException and not OperationCanceledException)
                _logger?.LogError(e, "A GraphQL resolver failed unexpectedly over Server-Sent Events");
        }
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write("event: next\ndata: "u8);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) result.WriteTo(writer);
        buffer.Write("\n\n"u8);
        return SendAsync(response, sending, buffer.WrittenMemory, cancellationToken);
    }

    private static async Task SendAsync(HttpResponse response, SemaphoreSlim sending, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            await response.Body.WriteAsync(bytes, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }
}
