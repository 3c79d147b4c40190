using CdnPulse.Alerting.Alarms;
using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// Turns per-minute statistics into an alarm's datapoints. A metric has one sample per minute with traffic (as
/// CloudFront publishes its own metrics); a period's datapoint is the statistic over its samples, and missing when
/// it has none. For ratios, Average is computed over the whole period from the summed statistics, not as a mean of
/// per-minute means. Pure: no I/O, no clock.
/// </summary>
internal static class DatapointCalculator
{
    /// <summary>The <paramref name="count"/> periods that end at <paramref name="end"/>, oldest first.</summary>
    public static IReadOnlyList<PeriodDatapoint> Range(AlarmMetric metric, AlarmStatistic statistic,
        IReadOnlyDictionary<DateTimeOffset, WindowStats> minutes, DateTimeOffset end, TimeSpan period, int count)
    {
        var datapoints = new PeriodDatapoint[count];
        for (var i = 0; i < count; i++)
        {
            var start = end - (period * (count - i));
            datapoints[i] = Datapoint(metric, statistic, minutes, start, period);
        }
        return datapoints;
    }

    public static PeriodDatapoint Datapoint(AlarmMetric metric, AlarmStatistic statistic,
        IReadOnlyDictionary<DateTimeOffset, WindowStats> minutes, DateTimeOffset start, TimeSpan period)
    {
        var samples = new List<double>();
        var total = new WindowStats();
        for (var minute = start; minute < start + period; minute += WindowFolder.WindowLength)
        {
            if (minutes.TryGetValue(minute, out var stats) && metric.Value(stats, WindowFolder.WindowLength) is { } sample)
            {
                samples.Add(sample);
                total.Merge(stats);
            }
        }
        if (samples.Count == 0)
        {
            return PeriodDatapoint.Missing(start);
        }
        double? value = statistic switch
        {
            AlarmStatistic.SampleCount => samples.Count,
            AlarmStatistic.Sum => samples.Sum(),
            AlarmStatistic.Minimum => samples.Min(),
            AlarmStatistic.Maximum => samples.Max(),
            _ when metric.Kind == MetricKind.Ratio => metric.Value(total, period),
            _ => samples.Average(),
        };
        return new PeriodDatapoint(start, value, samples.Count);
    }
}
