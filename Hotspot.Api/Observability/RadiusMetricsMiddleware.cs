namespace Hotspot.Api.Observability;

/// <summary>
/// Counts the routers' RADIUS requests (<c>hotspot_radius_requests_total</c>) by kind (the route: authorize,
/// authenticate, accounting, post-auth) and decision, read from the answer rlm_rest acts on: 2xx accept, 401
/// reject, 403 unknown router, other 4xx invalid.
/// </summary>
public sealed class RadiusMetricsMiddleware(RequestDelegate next, HotspotMetrics metrics)
{
    private const string RoutePrefix = "api/radius/";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if ((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.TrimStart('/') is not { } route
            || !route.StartsWith(RoutePrefix, StringComparison.Ordinal))
            return;
        metrics.RadiusRequest(route[RoutePrefix.Length..], context.Response.StatusCode switch
        {
            < 300 => "accept",
            401 => "reject",
            403 => "unknown_router",
            < 500 => "invalid",
            _ => "error",
        });
    }
}
