using System.Collections.Concurrent;

namespace CdnPulse.EventStore.Tests;

/// <summary>Records progress reports synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
internal sealed class CollectingProgress : IProgress<long>
{
    private readonly ConcurrentQueue<long> _values = new();

    public IReadOnlyList<long> Values => _values.ToList();

    public void Report(long value) => _values.Enqueue(value);
}
