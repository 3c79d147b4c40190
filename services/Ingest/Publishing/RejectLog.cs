using System.Collections.Concurrent;
using CdnPulse.CdnLogs;

namespace CdnPulse.Ingest.Publishing;

/// <summary>Counts of rejected lines by reason since start, and the most recent samples, for <c>GET /rejects</c>.</summary>
public sealed class RejectLog
{
    private const int MaxSamples = 50;
    private readonly ConcurrentDictionary<LineRejectReason, long> _counts = new();
    private readonly ConcurrentQueue<RejectedLine> _samples = new();

    public void Record(string batchId, RejectCounter rejects)
    {
        foreach (var (reason, count) in rejects.ByReason())
        {
            _counts.AddOrUpdate(reason, count, (_, total) => total + count);
        }
        foreach (var sample in rejects.Samples)
        {
            _samples.Enqueue(new RejectedLine(batchId, sample.LineNumber, sample.Reason.ToString(), sample.Text, DateTimeOffset.UtcNow));
            while (_samples.Count > MaxSamples && _samples.TryDequeue(out _))
            {
            }
        }
    }

    public IReadOnlyDictionary<string, long> Counts => _counts.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value);

    public IReadOnlyList<RejectedLine> Samples => _samples.ToArray();
}
