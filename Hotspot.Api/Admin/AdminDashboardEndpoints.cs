using Microsoft.Net.Http.Headers;

namespace Hotspot.Api.Admin;

/// <summary>
/// The operator's dashboard at <c>/admin</c>: the build's files, and <c>index.html</c> for every other path under
/// /admin (the app routes in the browser, so a screen's address can be reloaded). Without a build, a page says
/// how to make one; the API itself is unaffected.
/// </summary>
public static class AdminDashboardEndpoints
{
    public const string BasePath = "/admin";
    public const string ExplorerPath = BasePath + "/explorer";

    public static IEndpointRouteBuilder MapAdminDashboard(this IEndpointRouteBuilder app)
    {
        // The catch-all also matches /admin itself, which goes to /admin/ so the page's relative addresses resolve.
        app.MapMethods(BasePath + "/{**path}", [HttpMethods.Get, HttpMethods.Head], Serve)
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(string? path, HttpContext context, AdminDashboardFiles files)
    {
        path ??= "";
        if (!context.Request.Path.Value!.StartsWith(BasePath + "/", StringComparison.Ordinal))
            return TypedResults.Redirect(BasePath + "/" + context.Request.QueryString);
        var response = context.Response;
        AdminHeaders.Apply(response);
        if (!files.IsBuilt)
        {
            response.Headers.CacheControl = "no-store";
            return TypedResults.Content(NotBuiltPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (files.Find(path) is { } file)
        {
            // Vite names every asset by its content hash: it can be kept for good. index.html must be checked each time.
            response.Headers.CacheControl = path.StartsWith("assets/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
            return TypedResults.PhysicalFile(file.PhysicalPath!, AdminDashboardFiles.ContentType(file.Name), lastModified: file.LastModified,
                entityTag: new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\""));
        }

        // A missing asset is a 404, never the app's page (a browser would try to run HTML as a script).
        if (path.StartsWith("assets/", StringComparison.Ordinal) || Path.HasExtension(path))
            return TypedResults.NotFound();
        response.Headers.CacheControl = "no-cache";
        var index = files.Index!;
        return TypedResults.PhysicalFile(index.PhysicalPath!, "text/html; charset=utf-8", lastModified: index.LastModified);
    }

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Hotspot admin: not built</title></head>
        <body>
        <h1>The dashboard has not been built</h1>
        <p>This API was built on a machine without Node.js, so the admin dashboard (<code>Hotspot.Dashboard</code>) was left out.
        The API itself works: the GraphQL endpoint is <a href="/graphql">/graphql</a>.</p>
        <p>To add the dashboard, install Node.js 20 (20.19 or later) with npm, then build again:</p>
        <pre>dotnet build Hotspot.Api      # runs npm ci and the Vite build, then copies the app beside the binaries</pre>
        <p>or, for a published copy, <code>dotnet publish Hotspot.Api -c Release</code>. See <code>docs/dashboard.md</code>.</p>
        </body></html>
        """;
}
