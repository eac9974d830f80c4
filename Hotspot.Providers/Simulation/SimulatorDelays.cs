namespace Hotspot.Providers.Simulation;

/// <summary>How long simulated payments take; tests shorten these to milliseconds.</summary>
public sealed class SimulatorDelays
{
    /// <summary>From request to outcome (and to the callback, unless it is late).</summary>
    public TimeSpan Result { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>From request to the callback of <see cref="SandboxOutcome.LateCallback"/>.</summary>
    public TimeSpan LateCallback { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Between the two deliveries of <see cref="SandboxOutcome.DuplicateCallback"/>.</summary>
    public TimeSpan DuplicateGap { get; set; } = TimeSpan.FromMilliseconds(200);
}
