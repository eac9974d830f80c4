using Hotspot.Providers.Simulation;

namespace Hotspot.Providers.KopoKopo.Simulator;

/// <summary>How the Kopo Kopo simulator behaves.</summary>
public sealed class KopoKopoSimulatorOptions
{
    /// <summary>Registered applications. Empty: any non-empty client id and secret is accepted and signs with <see cref="DefaultApiKey"/>.</summary>
    public List<KopoKopoSimulatorApplication> Applications { get; set; } = [];

    /// <summary>Signing key for applications not listed (zero set-up development only).</summary>
    public string DefaultApiKey { get; set; } = "sandbox-api-key";

    /// <summary>Lifetime of issued tokens (Kopo Kopo: 3600 s).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3600);

    public SimulatorDelays Delays { get; set; } = new();
}

/// <summary>An OAuth application and the API key its webhooks and callbacks are signed with.</summary>
public sealed class KopoKopoSimulatorApplication
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string ApiKey { get; set; } = "";
}
