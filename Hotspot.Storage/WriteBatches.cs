using System.Threading.Channels;

namespace Hotspot.Storage;

/// <summary>
/// Writes that arrive while others are being written wait and go together. Each of a few writers takes whatever has
/// queued (at least one, at most <c>maxBatch</c>) and hands it to <c>write</c>, which answers each item once its commit
/// holds it. On PostgreSQL a statement and its commit cost about the same for one row as for sixty, so under load this
/// is what lets two cores write thousands of rows a second; an item that arrives alone is a batch of one and waits for
/// nothing.
/// </summary>
/// <remarks>
/// An item <c>write</c> does not answer, because it was not written or the batch failed, gets <c>unwritten</c> back
/// only after the batch is over, and its caller writes it on its own: never beside a batch that may still commit.
/// </remarks>
public sealed class WriteBatches<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>();
    private readonly int _maxBatch;
    private readonly int _writers;
    private readonly Func<IReadOnlyList<Waiting>, Task> _write;
    private readonly Action<Exception, int> _failed;
    private readonly TResult _unwritten;
    private readonly Lock _start = new();
    private Task[]? _running;

    /// <param name="maxBatch">The most items one call of <paramref name="write"/> gets.</param>
    /// <param name="writers">Batches in flight at once: one gathers while another waits for its commit.</param>
    /// <param name="write">Writes a batch and answers the items it wrote (<see cref="Waiting.Answer"/>).</param>
    /// <param name="failed">Told when <paramref name="write"/> threw, with the batch size; every item then goes on its own.</param>
    /// <param name="unwritten">The answer for an item the batch did not write.</param>
    public WriteBatches(int maxBatch, int writers, Func<IReadOnlyList<Waiting>, Task> write, Action<Exception, int> failed, TResult unwritten)
    {
        _maxBatch = maxBatch;
        _writers = writers;
        _write = write;
        _failed = failed;
        _unwritten = unwritten;
    }

    /// <summary>An item waiting for its batch, and how its caller hears the outcome.</summary>
    public sealed class Waiting(TItem item)
    {
        private readonly TaskCompletionSource<TResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TItem Item { get; } = item;

        public Task<TResult> Result => _result.Task;

        public void Answer(TResult result) => _result.TrySetResult(result);
    }

    /// <summary>Queues the item and waits for its batch; <c>unwritten</c> when the batch did not write it.</summary>
    public async Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken)
    {
        Start();
        var waiting = new Waiting(item);
        if (!_queue.Writer.TryWrite(waiting))
            return _unwritten; // shutting down
        // A caller that stops waiting (the provider hung up) leaves its item in the batch: written or not, a retry
        // finds it either way.
        return await waiting.Result.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_running is { } running)
            await Task.WhenAll(running);
    }

    private void Start()
    {
        if (_running is not null)
            return;
        lock (_start)
            _running ??= Enumerable.Range(0, _writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Waiting>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var waiting))
                batch.Add(waiting);
            try
            {
                await _write(batch);
            }
            catch (Exception e)
            {
                _failed(e, batch.Count);
            }
            finally
            {
                foreach (var waiting in batch)
                    waiting.Answer(_unwritten);
                batch.Clear();
            }
        }
    }
}
