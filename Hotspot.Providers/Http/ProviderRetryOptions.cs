namespace Hotspot.Providers.Http;

/// <summary>How the provider clients retry calls that are safe to repeat.</summary>
public sealed class ProviderRetryOptions
{
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
