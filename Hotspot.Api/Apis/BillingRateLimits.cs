using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Hotspot.Api.Apis;

/// <summary>
/// Per-client-address fixed windows for the public routes: the portal (a hotspot site's customers behind one address) gets a bounded limit; callbacks
/// (a provider's few addresses) a wide one. Bound from <c>RateLimits</c>; over the limit answers 429.
/// </summary>
public sealed class BillingRateLimits
{
    public const string Portal = "portal";
    public const string Callbacks = "callbacks";
    public const string SectionName = "RateLimits";

    // Every customer of a hotspot reaches us from the site's one public address (NAT), and each waiting
    // screen polls several times a minute: the limit is per site, not per person, so it is wide.
    public int PortalPermitsPerMinute { get; set; } = 1_200;
    public int CallbackPermitsPerMinute { get; set; } = 60_000;

    public static void Configure(RateLimiterOptions options, BillingRateLimits limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Portal, context => Window(context, limits.PortalPermitsPerMinute));
        options.AddPolicy(Callbacks, context => Window(context, limits.CallbackPermitsPerMinute));
    }

    private static RateLimitPartition<string> Window(HttpContext context, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
