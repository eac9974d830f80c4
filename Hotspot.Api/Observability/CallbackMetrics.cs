using Hotspot.Api.Payments;

namespace Hotspot.Api.Observability;

/// <summary>Counts what became of each provider delivery, and how long a paying one took to turn into a voucher.</summary>
public static class CallbackMetrics
{
    public static void Record(this HotspotMetrics metrics, string provider, CallbackResult answer, TimeSpan elapsed)
    {
        metrics.CallbackReceived(provider, answer switch
        {
            CallbackResult.Settled => "settled",
            CallbackResult.Review => "review",
            CallbackResult.Duplicate => "duplicate",
            CallbackResult.Unauthorized => "rejected",
            CallbackResult.Malformed => "malformed",
            CallbackResult.NotFound => "not_found",
            _ => "processed",
        });
        if (answer == CallbackResult.Settled)
            metrics.CallbackSettled(elapsed);
    }
}
