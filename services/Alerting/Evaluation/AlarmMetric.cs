using CdnPulse.Alerting.Alarms;
using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// A metric an alarm can watch. <see cref="Value"/> computes it from window statistics summed over a span of time
/// (one minute for a sample, the whole period for a ratio's Average); null means undefined (an empty base), and a
/// metric without <see cref="Value"/> is a distribution only. <see cref="Distribution"/> is the histogram whose
/// percentiles ExtendedStatistic reads; <see cref="UsesHistograms"/> says that <see cref="Value"/> reads one too.
/// </summary>
internal sealed record AlarmMetric(
    string Name,
    MetricKind Kind,
    string Unit,
    Func<WindowStats, TimeSpan, double?>? Value,
    Func<WindowStats, LatencyHistogram>? Distribution = null,
    bool UsesHistograms = false)
{
    public bool Supports(AlarmStatistic statistic) => Value is not null && (Kind == MetricKind.Count || statistic != AlarmStatistic.Sum);

    public bool SupportsPercentiles => Distribution is not null;

    /// <summary>Whether evaluating <paramref name="definition"/> needs the minute tables' histograms (they cost a larger read).</summary>
    public bool NeedsHistograms(AlarmDefinition definition) => UsesHistograms || (definition.ExtendedStatistic is not null && SupportsPercentiles);
}
