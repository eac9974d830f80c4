using Hotspot.Api.Payments;

namespace Hotspot.Api.Observability;

/// <summary>Counts what became of each provider delivery, and how long a paying one took to turn into a voucher.</summary>
public static class CallbackMetrics
{
    public static void Record(this HotspotMetrics metrics, string provider, CallbackAnswer answer, TimeSpan elapsed)
    {
        metrics.CallbackReceived(provider, answer switch
        {
            CallbackAnswer.Settled => "settled",
            CallbackAnswer.Review => "review",
            CallbackAnswer.Duplicate => "duplicate",
            CallbackAnswer.Unauthorized => "rejected",
            CallbackAnswer.Malformed => "malformed",
            CallbackAnswer.NotFound => "not_found",
            _ => "processed",
        });
        if (answer == CallbackAnswer.Settled)
            metrics.CallbackSettled(elapsed);
    }
}
