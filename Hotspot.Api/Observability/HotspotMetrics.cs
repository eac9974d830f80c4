using System.Diagnostics.Metrics;

namespace Hotspot.Api.Observability;

/// <summary>
/// The API's own meters (<c>System.Diagnostics.Metrics</c>): scraped at <c>/metrics</c> on the management port and
/// exported by OTLP when configured. Labels are bounded sets (provider, outcome, status, kind), never an id. The
/// scrape prefixes each instrument with the meter's name: <c>callback_settle_seconds</c> is
/// <c>hotspot_callback_settle_seconds</c>.
/// </summary>
public sealed class HotspotMetrics
{
    /// <summary>Shared with <see cref="Hotspot.Storage.Payments.PurchaseMetrics"/>, which counts purchases where outcomes are applied.</summary>
    public const string MeterName = Hotspot.Storage.Payments.PurchaseMetrics.MeterName;

    private readonly Counter<long> _callbacks;
    private readonly Histogram<double> _settleSeconds;
    private readonly Counter<long> _providerRequests;
    private readonly Histogram<double> _providerSeconds;
    private readonly Counter<long> _radiusRequests;
    private long _reconcilerPending;

    public HotspotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _callbacks = meter.CreateCounter<long>("payment_callbacks_total", description: "Provider callbacks by provider and outcome.");
        _settleSeconds = meter.CreateHistogram<double>("callback_settle_seconds", unit: "s",
            description: "From a callback's arrival to its purchase paid and voucher issued.");
        _providerRequests = meter.CreateCounter<long>("provider_requests_total", description: "Calls to Daraja and Kopo Kopo.");
        _providerSeconds = meter.CreateHistogram<double>("provider_request_seconds", unit: "s", description: "Duration of calls to the providers.");
        _radiusRequests = meter.CreateCounter<long>("radius_requests_total", description: "RADIUS requests from routers by kind and decision.");
        meter.CreateObservableGauge("reconciler_pending", () => Interlocked.Read(ref _reconcilerPending),
            description: "Purchases the reconciler found still pending on its last pass.");
    }

    /// <param name="provider"><c>mpesa</c> or <c>kopokopo</c>.</param>
    /// <param name="outcome">settled, processed, review, duplicate, rejected, malformed or not_found.</param>
    public void CallbackReceived(string provider, string outcome) =>
        _callbacks.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", outcome));

    public void CallbackSettled(TimeSpan sinceArrival) => _settleSeconds.Record(sinceArrival.TotalSeconds);

    public void ProviderRequest(string provider, string operation, string result, TimeSpan duration)
    {
        var tags = new[]
        {
            new KeyValuePair<string, object?>("provider", provider),
            new KeyValuePair<string, object?>("operation", operation),
            new KeyValuePair<string, object?>("result", result),
        };
        _providerRequests.Add(1, tags);
        _providerSeconds.Record(duration.TotalSeconds, tags);
    }

    /// <param name="kind"><c>authorize</c> or <c>accounting</c>.</param>
    public void RadiusRequest(string kind, string decision) =>
        _radiusRequests.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("decision", decision));

    public void ReconcilerPending(long count) => Interlocked.Exchange(ref _reconcilerPending, count);
}
