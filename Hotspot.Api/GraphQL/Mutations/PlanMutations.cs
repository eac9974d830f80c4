using Hotspot.Api.Auth;
using Hotspot.Domain.Plans;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>Creating, changing and archiving plans.</summary>
[ExtendObjectType("Mutation")]
[DomainErrors]
public static class PlanMutations
{
    public static async Task<Plan> CreatePlanAsync(string organizationId, PlanInput input, CurrentUser currentUser,
        HotspotDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(organizationId, "Organization");
        await currentUser.RequireChangeAsync(id, cancellationToken);
        if (!await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken)) throw AccessDenied.NotFound("Organization");
        var plan = Plan.Create(id, Settings(input), time.GetUtcNow().UtcDateTime);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public static async Task<Plan> UpdatePlanAsync(string planId, PlanInput input, CurrentUser currentUser, HotspotDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var plan = await ChangePlanAsync(planId, currentUser, db, cancellationToken);
        plan.Update(Settings(input), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public static async Task<Plan> ArchivePlanAsync(string planId, CurrentUser currentUser, HotspotDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var plan = await ChangePlanAsync(planId, currentUser, db, cancellationToken);
        plan.Archive(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    private static PlanSettings Settings(PlanInput i) => new(i.Name, i.PriceKes,
        i.DurationSeconds is > 0 and < 400L * 86400 ? TimeSpan.FromSeconds(i.DurationSeconds) : throw GraphQLErrors.Validation("durationSeconds is out of range."),
        i.DataCapBytes, i.UploadRateKbps, i.DownloadRateKbps, i.MaxDevices);

    private static async Task<Plan> ChangePlanAsync(string planId, CurrentUser currentUser, HotspotDbContext db,
        CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(planId, "Plan");
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw AccessDenied.NotFound("Plan");
        await currentUser.RequireChangeOfAsync(plan.OrganizationId, "Plan", cancellationToken);
        return plan;
    }
}
