using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Hotspot.Api.Logging;

/// <summary>
/// Gives every request an id (the caller's <c>X-Request-Id</c> when it is well-formed, else a new one), returns
/// it as a response header, puts it on every log line written during the request (with the route template and, where
/// the route names one, the organization id), and logs one line per request.
/// The line names the matched route template rather than the raw path, because some paths carry tokens
/// (the Daraja callback URL).
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[HeaderName].ToString();
        if (!WellFormedId().IsMatch(requestId))
            requestId = Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });

        // Every line written during the request carries these (Serilog turns scope entries into properties).
        var scopeProperties = new Dictionary<string, object> { ["RequestId"] = requestId, ["Route"] = RouteOf(context) };
        if (context.Request.RouteValues.TryGetValue("organizationId", out var organizationId) && organizationId is not null)
            scopeProperties["OrganizationId"] = organizationId;
        using var scope = logger.BeginScope(scopeProperties);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch (Exception e) when (AbandonedByTheClient(context, e))
        {
            // The caller went away (a customer closed the portal, a balancer timed out): nothing to fix and nobody to
            // answer, so one Information line and no stack trace.
            logger.LogInformation("HTTP {Method} {Route} abandoned by the client after {ElapsedMs:0.0} ms (request {RequestId})",
                context.Request.Method, RouteOf(context), Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "HTTP {Method} {Route} failed after {ElapsedMs:0.0} ms (request {RequestId})",
                context.Request.Method, RouteOf(context), Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
            throw;
        }
        logger.LogInformation("HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms (request {RequestId})",
            context.Request.Method, RouteOf(context), context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
    }

    /// <summary>A cancellation or I/O failure while the request's own abort token has fired.</summary>
    private static bool AbandonedByTheClient(HttpContext context, Exception e) =>
        context.RequestAborted.IsCancellationRequested
        && (e is OperationCanceledException or IOException || e.InnerException is OperationCanceledException or IOException);

    private static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
            ? "/" + template.TrimStart('/')
            : context.Request.Path.Value ?? "/";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex WellFormedId();
}
