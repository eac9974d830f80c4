namespace Hotspot.GraphQL.Execution;

/// <summary>
/// Batches and caches loads of one kind of entity for one request (Facebook's DataLoader pattern). Keys requested
/// while the executor starts resolvers are fetched with ONE call of the batch function when the executor runs out
/// of work; a key asked for twice in the request is fetched once (per-request cache). Get one per request through
/// <c>ResolverContext.DataLoader(...)</c>, which stores it in the request's items.
/// Keys the batch function does not return resolve to <c>default</c> (null). A failed batch fails every load in it
/// and leaves those keys out of the cache, so a later load retries.
/// </summary>
public sealed class DataLoader<TKey, TValue> : IBatchSource where TKey : notnull
{
    private readonly BatchDispatcher _dispatcher;
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly int _maxBatchSize;
    private readonly object _gate = new();
    private readonly Dictionary<TKey, Task<TValue?>> _cache;
    private List<(TKey Key, TaskCompletionSource<TValue?> Source)> _queue = new();

    /// <param name="dispatcher">The request's dispatcher (<c>ResolverContext.Dispatcher</c>).</param>
    /// <param name="fetch">Loads many keys at once; returns the values it found, by key.</param>
    /// <param name="maxBatchSize">Largest batch handed to <paramref name="fetch"/>; 0 means unlimited.</param>
    /// <param name="comparer">Key equality; the default comparer when null.</param>
    public DataLoader(
        BatchDispatcher dispatcher,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        int maxBatchSize = 0,
        IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(fetch);
        _dispatcher = dispatcher;
        _fetch = fetch;
        _maxBatchSize = maxBatchSize;
        _cache = new Dictionary<TKey, Task<TValue?>>(comparer);
    }

    /// <summary>Number of times the batch function has been called (diagnostics and tests).</summary>
    public int BatchCount { get; private set; }

    /// <summary>Loads one key; the value arrives when the batch holding the key has run.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        bool first;
        Task<TValue?> task;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached)) return cached;
            var source = new TaskCompletionSource<TValue?>();
            task = source.Task;
            _cache[key] = task;
            first = _queue.Count == 0;
            _queue.Add((key, source));
        }
        if (first) _dispatcher.Schedule(this);
        return task;
    }

    /// <summary>Loads many keys; the values come back in the order of the keys.</summary>
    public async Task<TValue?[]> LoadManyAsync(IReadOnlyList<TKey> keys)
    {
        var tasks = new Task<TValue?>[keys.Count];
        for (int i = 0; i < tasks.Length; i++) tasks[i] = LoadAsync(keys[i]);
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Puts a value in the cache, e.g. one a mutation just wrote.</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_gate) _cache.TryAdd(key, Task.FromResult<TValue?>(value));
    }

    async Task IBatchSource.DispatchAsync(CancellationToken cancellationToken)
    {
        List<(TKey Key, TaskCompletionSource<TValue?> Source)> queue;
        lock (_gate)
        {
            queue = _queue;
            _queue = new();
        }
        if (queue.Count == 0) return;
        int size = _maxBatchSize > 0 ? _maxBatchSize : queue.Count;
        for (int start = 0; start < queue.Count; start += size)
        {
            int count = Math.Min(size, queue.Count - start);
            await RunBatchAsync(queue, start, count, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunBatchAsync(
        List<(TKey Key, TaskCompletionSource<TValue?> Source)> queue, int start, int count, CancellationToken ct)
    {
        var keys = new TKey[count];
        for (int i = 0; i < count; i++) keys[i] = queue[start + i].Key;
        IReadOnlyDictionary<TKey, TValue> found;
        try
        {
            BatchCount++;
            ct.ThrowIfCancellationRequested();
            found = await _fetch(keys, ct).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                foreach (var key in keys) _cache.Remove(key);
            }
            for (int i = 0; i < count; i++)
            {
                if (ex is OperationCanceledException oce) queue[start + i].Source.TrySetCanceled(oce.CancellationToken);
                else queue[start + i].Source.TrySetException(ex);
            }
            return;
        }
        for (int i = 0; i < count; i++)
        {
            var (key, source) = queue[start + i];
            source.TrySetResult(found.TryGetValue(key, out var value) ? value : default);
        }
    }
}
