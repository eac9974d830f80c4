using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotspot.Api.Health;

/// <summary>Ready only when the database has every migration this build knows (an instance ahead of its schema must not serve).</summary>
public sealed class MigrationsAppliedHealthCheck(IDbContextFactory<HotspotDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0 ? HealthCheckResult.Healthy("all applied") : HealthCheckResult.Unhealthy($"{pending} migration(s) pending");
    }
}
