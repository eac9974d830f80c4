using Hotspot.Storage.Radius;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Radius;

/// <summary>Closes sessions whose router stopped reporting (lost Stop, router gone), so device counts stay true.</summary>
internal sealed class StaleSessionJanitor(RadiusAccounting accounting, IOptions<RadiusOptions> options, ILogger<StaleSessionJanitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(5, options.Value.JanitorIntervalSeconds));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var closed = await accounting.CloseStaleSessionsAsync(stoppingToken);
                if (closed > 0)
                    logger.LogInformation("Closed {Count} stale RADIUS session(s)", closed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Closing stale RADIUS sessions failed; will retry");
            }
        }
    }
}
