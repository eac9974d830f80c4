namespace Hotspot.Providers.KopoKopo;

/// <summary>Where Kopo Kopo lives; bound from <c>Providers:KopoKopo</c>.</summary>
public sealed class KopoKopoOptions
{
    public const string SectionName = "Providers:KopoKopo";

    public string SandboxBaseUrl { get; set; } = "https://sandbox.kopokopo.com";

    public string ProductionBaseUrl { get; set; } = "https://api.kopokopo.com";

    /// <summary>Version segment for incoming payments and webhook subscriptions (send money is always v2).</summary>
    public string ApiVersion { get; set; } = "v1";

    /// <summary>The <c>payment_channel</c> Kopo Kopo's own plugin sends.</summary>
    public string PaymentChannel { get; set; } = "M-PESA STK Push";

    /// <summary>Tokens are replaced this long before they expire.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);
}
