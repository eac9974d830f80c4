using System.Collections.Concurrent;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// A thread-safe string-keyed cache that never holds more than its capacity: when full, the oldest entries
/// (first in) are dropped. Lookups are lock-free; only inserts of new keys take the eviction lock.
/// </summary>
public sealed class BoundedCache<TValue>
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _insertionOrder = new();
    private readonly Lock _evictionLock = new();

    public BoundedCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    public bool TryGet(string key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Adds or replaces <paramref name="key"/>, evicting the oldest entries past the capacity.</summary>
    public void Set(string key, TValue value)
    {
        if (Capacity == 0)
        {
            return;
        }

        lock (_evictionLock)
        {
            if (_entries.ContainsKey(key))
            {
                _entries[key] = value;
                return;
            }

            while (_insertionOrder.Count >= Capacity && _insertionOrder.TryDequeue(out var oldest))
            {
                _entries.TryRemove(oldest, out _);
            }

            _insertionOrder.Enqueue(key);
            _entries[key] = value;
        }
    }
}
