using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotspot.Api.Health;

/// <summary>Healthy when the database answers within a few seconds.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<HotspotDbContext> contexts, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            if (await db.Database.CanConnectAsync(timeout.Token))
                return HealthCheckResult.Healthy($"{db.Provider} reachable");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An outage is expected now and then: one line, no stack trace.
            logger.LogWarning("Database health check failed ({Cause})", DatabaseUnavailableErrors.Describe(e));
        }
        return HealthCheckResult.Unhealthy("database unreachable");
    }
}
