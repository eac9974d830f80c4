namespace Hotspot.Providers.Daraja;

/// <summary>Where Daraja lives and which API versions to call; bound from <c>Providers:Daraja</c>.</summary>
public sealed class DarajaOptions
{
    public const string SectionName = "Providers:Daraja";

    public string SandboxBaseUrl { get; set; } = "https://sandbox.safaricom.co.ke";

    public string ProductionBaseUrl { get; set; } = "https://api.safaricom.co.ke";

    /// <summary><c>v1</c> or <c>v2</c>: must match the C2B product enabled on the Daraja app.</summary>
    public string C2BRegisterUrlVersion { get; set; } = "v2";

    /// <summary><c>v3</c> (current) or <c>v1</c>.</summary>
    public string B2CVersion { get; set; } = "v3";

    /// <summary><c>SalaryPayment</c>, <c>BusinessPayment</c> or <c>PromotionPayment</c>.</summary>
    public string B2CCommandId { get; set; } = "BusinessPayment";

    /// <summary>Tokens are replaced this long before they expire.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Safaricom's public certificate (PEM) for encrypting initiator passwords, per environment.</summary>
    public string? SandboxCertificatePem { get; set; }

    public string? ProductionCertificatePem { get; set; }

    /// <summary>Alternatively, a path to the certificate file (PEM or DER).</summary>
    public string? SandboxCertificatePath { get; set; }

    public string? ProductionCertificatePath { get; set; }
}
