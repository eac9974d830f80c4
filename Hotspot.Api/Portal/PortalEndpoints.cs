using Hotspot.Api.Apis;
using Hotspot.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Hotspot.Api.Portal;

/// <summary>The reference captive portal: <c>/portal/{organizationId}</c> and its two static files.</summary>
public static class PortalEndpoints
{
    /// <summary>The embedded files, read once per process: they are the same for every application.</summary>
    private static readonly PortalAssets Assets = new();

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portal/{organizationId}", PageAsync)
            .WithTags("Captive portal")
            .ExcludeFromDescription()
            .RequireRateLimiting(BillingRateLimits.Portal);
        app.MapGet(PortalAssets.AssetsPath + "/{name}", Asset)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task PageAsync([FromRoute(Name = "organizationId")] string id, HttpContext context, IDbContextFactory<HotspotDbContext> contexts)
    {
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        if (Guid.TryParse(id, out var organizationId))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // Only the columns the page shows: the payment configuration (with its secrets) stays in the database.
            var found = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
                .Select(o => new { o.Id, o.Name, o.PaymentMethod }).SingleOrDefaultAsync(cancellationToken);
            if (found is not null)
            {
                var plans = (await db.Plans.AsNoTracking().Where(p => p.OrganizationId == organizationId && p.IsActive).ToListAsync(cancellationToken))
                    .OrderBy(p => p.PriceKes).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
                var router = RouterLogin.FromQuery(context.Request.Query);
                PortalHeaders.ForPage(response, router);
                await response.WriteAsync(PortalPage.Render(Assets, found.Id, found.Name, found.PaymentMethod is not null, plans, router), cancellationToken);
                return;
            }
        }
        response.StatusCode = StatusCodes.Status404NotFound;
        PortalHeaders.ForNotFound(response);
        await response.WriteAsync(PortalPage.NotFound(Assets), cancellationToken);
    }

    private static IResult Asset(string name, HttpContext context)
    {
        if (Assets.Find(name) is not { } asset)
            return TypedResults.NotFound();
        var request = context.Request;
        var headers = context.Response.Headers;
        var etag = new EntityTagHeaderValue($"\"{asset.Version}\"");
        headers.ETag = etag.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.Vary = HeaderNames.AcceptEncoding;
        // The page links the file with its version; an older or missing version must be checked again.
        headers.CacheControl = request.Query["v"] == asset.Version ? "public, max-age=31536000, immutable" : "no-cache";
        if (request.Headers.IfNoneMatch.ToString().Contains(etag.Tag.ToString(), StringComparison.Ordinal))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (AcceptsGzip(request))
        {
            headers.ContentEncoding = "gzip";
            return TypedResults.Bytes(asset.Gzipped, asset.ContentType);
        }
        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var codings)
        && codings.Any(c => c.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (c.Quality ?? 1) > 0);
}
