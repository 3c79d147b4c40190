using System.Diagnostics.Metrics;

namespace CdnPulse.Aggregation.Consumers;

/// <summary>Counters on the <c>CdnPulse.Aggregation</c> meter: lines folded and committed, lines dropped as too late, duplicate batches.</summary>
internal sealed class AggregationMetrics
{
    public const string MeterName = "CdnPulse.Aggregation";

    private readonly Counter<long> _folded;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _contributions;

    public AggregationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _folded = meter.CreateCounter<long>("cdnpulse.aggregation.lines.folded", "{line}", "Lines folded into windows and committed.");
        _dropped = meter.CreateCounter<long>("cdnpulse.aggregation.lines.dropped_too_late", "{line}",
            "Lines refused because their window is older than Aggregation:RetentionDays.");
        _duplicates = meter.CreateCounter<long>("cdnpulse.aggregation.batches.duplicate", "{batch}", "Batches skipped because they were already counted.");
        _contributions = meter.CreateCounter<long>("cdnpulse.aggregation.contributions", "{event}", "Window contributions appended.");
    }

    public void Committed(long folded, int duplicates, int contributions)
    {
        _folded.Add(folded);
        _duplicates.Add(duplicates);
        _contributions.Add(contributions);
    }

    public void DroppedTooLate(string domain, long lines) =>
        _dropped.Add(lines, new KeyValuePair<string, object?>("cdnpulse.domain", domain));
}
