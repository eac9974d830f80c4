using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Hotspot.Api.Apis;

/// <summary>
/// Limits for the public routes, bound from <c>RateLimits</c>; over a limit answers 429 with a problem body.
/// A hotspot site's customers all reach us from the site's one public address (NAT), so nothing that a waiting
/// customer does is limited per address alone at a person's scale:
/// <list type="bullet">
/// <item>the page and plans (<see cref="Portal"/>): per address, wide;</item>
/// <item>purchase creation (<see cref="PurchaseCreation"/>): per address, and per phone number in
/// <see cref="PhonePromptLimiter"/>, so one phone cannot be flooded with M-Pesa prompts;</item>
/// <item>the status poll (<see cref="PurchasePoll"/>): per purchase id (a waiting screen polls its own purchase),
/// with a much wider per-address bound behind it;</item>
/// <item>callbacks (<see cref="Callbacks"/>): per address (a provider's few addresses), very wide.</item>
/// </list>
/// </summary>
public sealed class BillingRateLimits
{
    public const string Portal = "portal";
    public const string PurchaseCreation = "purchase-creation";
    public const string PurchasePoll = "purchase-poll";
    public const string Callbacks = "callbacks";
    public const string SectionName = "RateLimits";

    /// <summary>Portal page and plans, per client address: about four requests per customer who opens the page.</summary>
    public int PortalPermitsPerMinute { get; set; } = 3_000;

    /// <summary>Purchases started per client address (a busy site: a few hundred customers paying within a minute).</summary>
    public int PurchasesPerAddressPerMinute { get; set; } = 300;

    /// <summary>Purchases (M-Pesa prompts) per phone number within <see cref="PhoneWindowSeconds"/>.</summary>
    public int PromptsPerPhone { get; set; } = 3;

    public int PhoneWindowSeconds { get; set; } = 300;

    /// <summary>Status polls per purchase: the portal polls at most once a second, usually less.</summary>
    public int PollsPerPurchasePerMinute { get; set; } = 90;

    /// <summary>Status polls per client address, for all its purchases together: bounds a scraper, not a crowd.</summary>
    public int PollsPerAddressPerMinute { get; set; } = 30_000;

    public int CallbackPermitsPerMinute { get; set; } = 60_000;

    /// <summary>The length of every "per minute" window; shorter only in tests.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Marks the endpoints whose per-address bound comes from the global limiter (the status poll).</summary>
    public sealed record PollAddressBound;

    public static void Configure(RateLimiterOptions options, BillingRateLimits limits)
    {
        var window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds));
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, cancellationToken) => RejectAsync(context, cancellationToken);
        options.AddPolicy(Portal, context => Window("portal:" + Address(context), limits.PortalPermitsPerMinute, window));
        options.AddPolicy(PurchaseCreation, context => Window("purchase:" + Address(context), limits.PurchasesPerAddressPerMinute, window));
        // Keyed by the route's purchase id: polls of one purchase share a window, whoever sends them.
        options.AddPolicy(PurchasePoll, context =>
            Window("poll:" + (context.Request.RouteValues["purchaseId"]?.ToString() ?? "none"), limits.PollsPerPurchasePerMinute, window));
        options.AddPolicy(Callbacks, context => Window("callbacks:" + Address(context), limits.CallbackPermitsPerMinute, window));
        // Runs before the endpoint's policy; only the status poll carries the marker.
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.GetEndpoint()?.Metadata.GetMetadata<PollAddressBound>() is null
                ? RateLimitPartition.GetNoLimiter("")
                : Window("poll-address:" + Address(context), limits.PollsPerAddressPerMinute, window));
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0 });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ApiProblem.Of(StatusCodes.Status429TooManyRequests, "TOO_MANY_REQUESTS",
                "Too many requests from this network. Wait a moment and try again.")
            .ExecuteAsync(context.HttpContext);
    }
}
