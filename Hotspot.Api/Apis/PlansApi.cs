using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Apis;

/// <summary>What the captive portal offers: an organization's plans on sale.</summary>
public static class PlansApi
{
    public static RouteHandlerBuilder MapPlansApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/hotspot/organizations/{organizationId:guid}/plans", GetAsync)
            .WithTags("Captive portal")
            .WithName("GetPlans")
            .WithSummary("The organization's active plans, cheapest first.")
            .RequireRateLimiting(BillingRateLimits.Portal)
            .Produces<IReadOnlyList<PlanResponse>>()
            .ProducesProblem(404);

    private static async Task<IResult> GetAsync(Guid organizationId, IDbContextFactory<HotspotDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
            return ApiProblem.Of(404, "ORGANIZATION_NOT_FOUND", "No such organization.");
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.OrganizationId == organizationId && p.IsActive)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(plans
            .OrderBy(p => p.PriceKes).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PlanResponse(p.Id, p.Name, p.PriceKes, (long)p.Duration.TotalSeconds, p.DataCapBytes,
                p.UploadRateKbps, p.DownloadRateKbps, p.MaxDevices))
            .ToList());
    }

    /// <param name="PriceKes">Whole shillings.</param>
    public sealed record PlanResponse(Guid Id, string Name, long PriceKes, long DurationSeconds, long? DataCapBytes,
        long? UploadRateKbps, long? DownloadRateKbps, int MaxDevices);
}
