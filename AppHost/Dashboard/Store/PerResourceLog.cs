namespace CdnPulse.Dashboard.Store;

/// <summary>
/// Entries kept per resource, each resource bounded to its own capacity so that a chatty service cannot push a quiet
/// one's lines out. Every entry gets a global sequence number, so merged views keep arrival order.
/// </summary>
public sealed class PerResourceLog<T>(int capacityPerResource) where T : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<T>> _entries = new(StringComparer.Ordinal);
    private long _sequence;

    public int CapacityPerResource => capacityPerResource;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(string resource, T entry)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(resource, out var queue))
            {
                queue = new Queue<T>();
                _entries[resource] = queue;
            }
            queue.Enqueue(entry);
            while (queue.Count > capacityPerResource)
            {
                queue.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Resources()
    {
        lock (_gate)
        {
            return [.. _entries.Keys.Order(StringComparer.Ordinal)];
        }
    }

    public int Count(string resource)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(resource, out var queue) ? queue.Count : 0;
        }
    }

    /// <summary>The last <paramref name="limit"/> matching entries of one resource (or of all), in <paramref name="order"/>.</summary>
    public IReadOnlyList<T> Last(string? resource, Func<T, bool> predicate, Func<T, long> order, int limit)
    {
        List<T> snapshot;
        lock (_gate)
        {
            snapshot = resource is { Length: > 0 }
                ? _entries.TryGetValue(resource, out var queue) ? [.. queue] : []
                : [.. _entries.Values.SelectMany(q => q)];
        }
        var matches = snapshot.Where(predicate).OrderBy(order).ToList();
        return matches.Count <= limit ? matches : matches.GetRange(matches.Count - limit, limit);
    }
}
