namespace Hotspot.Api.Payments;

/// <summary>How purchases are paid and reconciled; bound from <c>Payments</c>.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    /// <summary>
    /// The public base URL providers post callbacks to (e.g. <c>https://hotspot.example.co.ke</c>). Empty: the
    /// app's own listening URL, which is right for the built-in sandbox and wrong behind a proxy.
    /// </summary>
    public string? CallbackBaseUrl { get; set; }

    /// <summary>A purchase still pending this long after it was made is queried at the provider.</summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The same purchase is queried again at most this often.</summary>
    public TimeSpan RecheckEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A purchase with no outcome after this long is expired.</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the reconciler looks for pending purchases.</summary>
    public TimeSpan ReconcilerInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one instance holds the reconciler lease; renewed every round.</summary>
    public TimeSpan ReconcilerLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many purchases per reconciler round.</summary>
    public int ReconcilerBatchSize { get; set; } = 100;

    public bool ReconcilerEnabled { get; set; } = true;
}
