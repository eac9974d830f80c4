using System.Security.Cryptography.X509Certificates;
using Hotspot.Providers.Simulation;

namespace Hotspot.Providers.Daraja.Simulator;

/// <summary>How the Daraja simulator behaves.</summary>
public sealed class DarajaSimulatorOptions
{
    public const string SandboxPassKey = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";

    /// <summary>Consumer key to secret. Empty: any non-empty pair is accepted (zero set-up development).</summary>
    public Dictionary<string, string> Apps { get; set; } = [];

    /// <summary>Short code to passkey; an unknown short code is "Merchant does not exist", as in the real sandbox.</summary>
    public Dictionary<string, string> PassKeys { get; set; } = new() { ["174379"] = SandboxPassKey };

    /// <summary>Lifetime of issued tokens (Daraja: 3599 s).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>Daraja invalidates an app's previous token when it issues a new one.</summary>
    public bool InvalidatePreviousToken { get; set; } = true;

    public SimulatorDelays Delays { get; set; } = new();

    /// <summary>
    /// Certificate with private key that decrypts initiator <c>SecurityCredential</c>s, and the password they must
    /// hold. Without a certificate any non-empty credential is accepted.
    /// </summary>
    public X509Certificate2? InitiatorCertificate { get; set; }

    public string? InitiatorPassword { get; set; }
}
