namespace Hotspot.Api.Portal;

/// <summary>
/// Headers for the portal's HTML: nothing loads from elsewhere (scripts, styles, requests: this site only), forms
/// go only to this site and the customer's router, no framing, and the URL (it holds the device's MAC and IP)
/// is never sent on as a referrer. The page depends on the plans of the moment, so it is not cached.
/// </summary>
public static class PortalHeaders
{
    public static void ForPage(HttpResponse response, RouterLogin router) =>
        Apply(response, "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
            $"form-action 'self'{(router.LoginOrigin is { } origin ? " " + origin : "")}; base-uri 'none'; frame-ancestors 'none'");

    public static void ForNotFound(HttpResponse response) =>
        Apply(response, "default-src 'none'; style-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'");

    private static void Apply(HttpResponse response, string policy)
    {
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }
}
