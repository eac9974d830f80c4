namespace Hotspot.Api.Admin;

/// <summary>
/// Headers for the dashboard: scripts only from this site (no inline script, no eval), requests only to this site,
/// no framing, no referrer. GraphiQL's editor (Monaco) sets element styles at run time, hence
/// <c>style-src 'unsafe-inline'</c>; its web workers are this site's files; its icon font is a file too.
/// </summary>
public static class AdminHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
