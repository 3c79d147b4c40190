using System.Collections.Concurrent;
using CdnPulse.Contracts;

namespace CdnPulse.Ingest.Tests;

/// <summary>Every <see cref="LogBatchReceived"/> that reached the real RabbitMQ, in arrival order, duplicates included.</summary>
public sealed class BusRecorder
{
    private readonly ConcurrentQueue<LogBatchReceived> _batches = new();

    public void Add(LogBatchReceived batch) => _batches.Enqueue(batch);

    public IReadOnlyList<LogBatchReceived> Batches(Func<LogBatchReceived, bool> filter) => _batches.Where(filter).ToList();

    /// <summary>The batches whose id starts with <paramref name="prefix"/>, one per id (first arrival), as Aggregation's ledger counts them.</summary>
    public IReadOnlyList<LogBatchReceived> Distinct(string prefix) =>
        _batches.Where(b => b.BatchId.StartsWith(prefix, StringComparison.Ordinal)).DistinctBy(b => b.BatchId).ToList();
}
