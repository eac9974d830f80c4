using Hotspot.Providers.Simulation;

namespace Hotspot.Api.Sandbox;

/// <summary>The built-in Daraja and Kopo Kopo simulators; bound from <c>Sandbox</c>. On by default in Development.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public bool? Enabled { get; set; }

    /// <summary>Where the simulators are reached (this app). Empty: the app's own listening URL.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long simulated payments take (tests shorten them).</summary>
    public SimulatorDelays Delays { get; set; } = new();
}
