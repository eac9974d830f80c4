using System.Diagnostics.Metrics;
using Hotspot.Domain.Purchases;

namespace Hotspot.Storage.Payments;

/// <summary>
/// <c>hotspot_purchases_total</c>: purchases that reached a final status, counted where the outcome is applied. It
/// joins the API's own meter (same name), so it is scraped and exported with the others.
/// </summary>
public sealed class PurchaseMetrics(IMeterFactory meters)
{
    public const string MeterName = "Hotspot";

    private readonly Counter<long> _purchases = meters.Create(MeterName)
        .CreateCounter<long>("purchases_total", description: "Purchases that reached a final status.");

    public void PurchaseFinished(PurchaseStatus status) =>
        _purchases.Add(1, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));
}
