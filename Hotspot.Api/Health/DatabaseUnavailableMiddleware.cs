using System.Text.Json;

namespace Hotspot.Api.Health;

/// <summary>
/// While the database cannot be reached, every route answers 503 with <c>Retry-After</c> instead of a 500: an
/// exception that escapes a route is answered here (a problem document, or for <c>/graphql</c> a GraphQL error with
/// <c>extensions.code</c> <c>SERVICE_UNAVAILABLE</c>), and an answer built from a database failure that was caught
/// on the way (a GraphQL field error in a 200, a 4xx) gets the 503 status and header too. Either way one Warning line,
/// without a stack trace: an outage is not a defect. Sits inside the request logging, which then logs the 503.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public const string ServiceUnavailableCode = "SERVICE_UNAVAILABLE";
    public const int RetryAfterSeconds = 5;
    public const string Message = "The database is unavailable; try again in a few seconds.";

    public async Task InvokeAsync(HttpContext context)
    {
        var signal = new DatabaseUnavailableSignal();
        context.Features.Set(signal);
        context.Response.OnStarting(() =>
        {
            if (signal.Failure is { } failure && AnswersTheFailure(context))
                MarkUnavailable(context, failure);
            return Task.CompletedTask;
        });

        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseUnavailableErrors.IsDatabaseUnavailable(e) && !context.Response.HasStarted)
        {
            signal.Record(e);
            context.Response.Clear();
            MarkUnavailable(context, e);
            if (IsGraphQL(context))
                await context.Response.WriteAsJsonAsync(new
                {
                    errors = new[] { new { message = Message, extensions = new { code = ServiceUnavailableCode } } },
                });
            else
                await context.Response.WriteAsJsonAsync(new
                {
                    type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
                    title = "Service Unavailable",
                    status = StatusCodes.Status503ServiceUnavailable,
                    detail = Message,
                }, (JsonSerializerOptions?)null, "application/problem+json");
        }
    }

    private void MarkUnavailable(HttpContext context, Exception failure)
    {
        if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && context.Response.Headers.RetryAfter.Count > 0)
            return; // already marked (the catch above, then OnStarting)
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        logger.LogWarning("HTTP {Method} {Path} answered 503: the database is unavailable ({Cause})",
            context.Request.Method, RouteOf(context), DatabaseUnavailableErrors.Describe(failure));
    }

    // A GraphQL answer (200 with field errors), or an error answer a route built from a failure it caught. A success
    // after a failure the route recovered from stays a success; a 5xx keeps its status.
    private static bool AnswersTheFailure(HttpContext context) =>
        context.Response.StatusCode < StatusCodes.Status500InternalServerError
        && (IsGraphQL(context) || context.Response.StatusCode >= StatusCodes.Status400BadRequest);

    private static bool IsGraphQL(HttpContext context) => context.Request.Path.StartsWithSegments("/graphql");

    // The route template, not the raw path: Daraja callback paths carry a token.
    private static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
            ? "/" + template.TrimStart('/')
            : context.Request.Path.Value ?? "/";
}
