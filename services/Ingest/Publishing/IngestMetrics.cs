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
    private readonly Counter<long> _leaseChanges;
    private readonly Counter<long> _duplicateDeliveries;
    private readonly Counter<long> _transformedRecords;
    private readonly ConcurrentDictionary<string, long> _millisBehind = new();
    private int _leasesHeld;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        _accepted = _meter.CreateCounter<long>("cdnpulse.ingest.lines.accepted", "{line}", "Log lines parsed and published.");
        _rejected = _meter.CreateCounter<long>("cdnpulse.ingest.lines.rejected", "{line}", "Log lines rejected, by reason.");
        _leaseChanges = _meter.CreateCounter<long>("cdnpulse.ingest.kinesis.lease_changes", "{lease}",
            "Shard leases this instance acquired, took over (expired), stole (rebalancing) or lost.");
        _duplicateDeliveries = _meter.CreateCounter<long>("cdnpulse.ingest.firehose.duplicate_requests", "{request}",
            "Firehose deliveries whose request id was already published (answered 200 without publishing again).");
        _transformedRecords = _meter.CreateCounter<long>("cdnpulse.ingest.transform.records", "{record}",
            "Records through the Firehose transform, by result (Ok, Dropped, ProcessingFailed).");
        _meter.CreateObservableGauge("cdnpulse.ingest.kinesis.millis_behind_latest",
            () => _millisBehind.Select(kv => new Measurement<long>(kv.Value, new KeyValuePair<string, object?>("shard", kv.Key))),
            "ms", "How far each shard's reader is behind the tip of the stream (MillisBehindLatest).");
        _meter.CreateObservableGauge("cdnpulse.ingest.kinesis.leases_held", () => Volatile.Read(ref _leasesHeld), "{lease}",
            "Shard leases this instance holds.");
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

    /// <summary>Stops reporting lag for a shard this instance no longer reads.</summary>
    public void ForgetShard(string shardId) => _millisBehind.TryRemove(shardId, out _);

    public void LeasesHeld(int count) => Volatile.Write(ref _leasesHeld, count);

    public void LeaseChanged(string kind) => _leaseChanges.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void DuplicateDelivery() => _duplicateDeliveries.Add(1);

    public void Transformed(string result, int count) =>
        _transformedRecords.Add(count, new KeyValuePair<string, object?>("result", result));

    public void Dispose() => _meter.Dispose();
}
