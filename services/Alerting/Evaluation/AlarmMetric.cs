using CdnPulse.Alerting.Alarms;
using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// A metric an alarm can watch. <see cref="Value"/> computes it from window statistics summed over a span of time
/// (one minute for a sample, the whole period for a ratio's Average); null means undefined (an empty base).
/// </summary>
internal sealed record AlarmMetric(string Name, MetricKind Kind, string Unit, Func<WindowStats, TimeSpan, double?> Value)
{
    public bool Supports(AlarmStatistic statistic) => Kind == MetricKind.Count || statistic != AlarmStatistic.Sum;

    /// <summary>Percentiles need latency histograms in the minute tables (issue #4); until then no metric has them.</summary>
    public bool SupportsPercentiles => false;
}
