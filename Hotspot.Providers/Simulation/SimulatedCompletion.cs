namespace Hotspot.Providers.Simulation;

/// <summary>The simulators' asynchronous answers: a request is accepted now and completed in the background.</summary>
public static class SimulatedCompletion
{
    /// <summary>
    /// Runs <paramref name="complete"/> in the background after the provider's processing time
    /// (<see cref="SimulatorDelays.Result"/>); the host stopping ends it quietly.
    /// </summary>
    public static void AfterResultDelay(SimulatorDelays delays, CancellationToken stopping, Func<CancellationToken, Task> complete) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delays.Result, stopping);
                await complete(stopping);
            }
            catch (OperationCanceledException)
            {
            }
        });
}
