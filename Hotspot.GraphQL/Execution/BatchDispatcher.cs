namespace Hotspot.GraphQL.Execution;

/// <summary>
/// One per request: collects the data loaders that have keys waiting and runs their batches when the executor
/// has started every resolver it can (the "execution tick"), so keys requested by sibling list items travel in
/// one batch. The executor drives it; resolvers only see <see cref="DataLoader{TKey,TValue}"/>.
/// </summary>
public sealed class BatchDispatcher
{
    private readonly object _gate = new();
    private List<IBatchSource> _pending = new();
    private TaskCompletionSource? _workScheduled;

    /// <summary>True when some loader has keys that no batch has fetched yet.</summary>
    public bool HasPending
    {
        get { lock (_gate) return _pending.Count > 0; }
    }

    internal void Schedule(IBatchSource source)
    {
        TaskCompletionSource? signal;
        lock (_gate)
        {
            _pending.Add(source);
            signal = _workScheduled;
            _workScheduled = null;
        }
        signal?.TrySetResult();
    }

    /// <summary>A task that completes when some loader schedules a batch (at once if one is pending).</summary>
    internal Task WhenWorkScheduled()
    {
        lock (_gate)
        {
            if (_pending.Count > 0) return Task.CompletedTask;
            // Asynchronous continuations: the executor's loop must never run inside a resolver's LoadAsync call.
            _workScheduled ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _workScheduled.Task;
        }
    }

    /// <summary>Runs every pending batch (concurrently) and waits for them.</summary>
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        List<IBatchSource> batch;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            batch = _pending;
            _pending = new List<IBatchSource>();
        }
        if (batch.Count == 1)
        {
            await batch[0].DispatchAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        var running = new Task[batch.Count];
        for (int i = 0; i < batch.Count; i++) running[i] = batch[i].DispatchAsync(cancellationToken);
        await Task.WhenAll(running).ConfigureAwait(false);
    }
}
