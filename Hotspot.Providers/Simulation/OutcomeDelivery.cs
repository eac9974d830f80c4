namespace Hotspot.Providers.Simulation;

/// <summary>Delivers simulated callbacks as the sandbox outcome says.</summary>
public static class OutcomeDelivery
{
    /// <summary>Delivers a callback the way the outcome says: once, twice, late, or never.</summary>
    public static async Task DeliverAsync(
        SandboxOutcome outcome, byte[] payload, Uri url, SimulatorDelays delays, CallbackPoster poster, CancellationToken stopping,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        switch (outcome)
        {
            case SandboxOutcome.LostCallback:
                return;
            case SandboxOutcome.LateCallback:
                var wait = delays.LateCallback - delays.Result;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stopping);
                }

                await poster.PostAsync(url, payload, headers, stopping);
                return;
            case SandboxOutcome.DuplicateCallback:
                await poster.PostAsync(url, payload, headers, stopping);
                await Task.Delay(delays.DuplicateGap, stopping);
                await poster.PostAsync(url, payload, headers, stopping);
                return;
            default:
                await poster.PostAsync(url, payload, headers, stopping);
                return;
        }
    }
}
