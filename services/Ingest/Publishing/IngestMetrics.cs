using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CdnPulse.CdnLogs;

namespace CdnPulse.Ingest.Publishing;

/// <summary>Ingest's pipeline-health instruments (meter and activity source "CdnPulse.Ingest").</summary>
public sealed class IngestMetrics : IDisposable
{
    public const string Name = "CdnPulse.Ingest";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly ConcurrentDictionary<string, long> _millisBehind = new();

    public IngestMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        _accepted = _meter.CreateCounter<long>("cdnpulse.ingest.lines.accepted", "{line}", "Log lines parsed and published.");
        _rejected = _meter.CreateCounter<long>("cdnpulse.ingest.lines.rejected", "{line}", "Log lines rejected, by reason.");
        _meter.CreateObservableGauge("cdnpulse.ingest.kinesis.millis_behind_latest",
            () => _millisBehind.Select(kv => new Measurement<long>(kv.Value, new KeyValuePair<string, object?>("shard", kv.Key))),
            "ms", "How far each shard's reader is behind the tip of the stream (MillisBehindLatest).");
    }

    public void Accepted(string source, int count) => _accepted.Add(count, new KeyValuePair<string, object?>("source", source));

    public void Rejected(string source, RejectCounter rejects)
    {
        foreach (var (reason, count) in rejects.ByReason())
        {
            _rejected.Add(count, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("reason", reason.ToString()));
        }
    }

    public void MillisBehindLatest(string shardId, long millis) => _millisBehind[shardId] = millis;

    public void Dispose() => _meter.Dispose();
}
