using CdnPulse.Alerting.Alarms;
using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// Turns per-minute window statistics into period datapoints. A metric has one sample per minute with traffic (as
/// CloudFront publishes its own metrics); a period's datapoint is the statistic over its samples, and missing when
/// it has none. For ratios, Average is computed over the whole period from the summed statistics, not as a mean of
/// per-minute means. A percentile (ExtendedStatistic) is read from the period's merged histogram, so it is the
/// percentile of every request of the period, not a statistic of per-minute percentiles. Pure: no I/O, no clock.
/// </summary>
internal static class DatapointCalculator
{
    /// <summary>The <paramref name="count"/> periods that end at <paramref name="end"/>, oldest first.</summary>
    public static IReadOnlyList<PeriodDatapoint> Range(AlarmMetric metric, DatapointStatistic statistic,
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

    public static PeriodDatapoint Datapoint(AlarmMetric metric, DatapointStatistic statistic,
        IReadOnlyDictionary<DateTimeOffset, WindowStats> minutes, DateTimeOffset start, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (statistic.Percentile is { } percent)
        {
            return PercentileDatapoint(metric, percent, minutes, start, period);
        }
        var value = metric.Value ?? throw new ArgumentException($"{metric.Name} has no per-minute value, only percentiles.", nameof(metric));
        var samples = new List<double>();
        var total = new WindowStats();
        for (var minute = start; minute < start + period; minute += WindowFolder.WindowLength)
        {
            if (minutes.TryGetValue(minute, out var stats) && value(stats, WindowFolder.WindowLength) is { } sample)
            {
                samples.Add(sample);
                total.Merge(stats);
            }
        }
        if (samples.Count == 0)
        {
            return PeriodDatapoint.Missing(start);
        }
        double? result = statistic.Standard switch
        {
            AlarmStatistic.SampleCount => samples.Count,
            AlarmStatistic.Sum => samples.Sum(),
            AlarmStatistic.Minimum => samples.Min(),
            AlarmStatistic.Maximum => samples.Max(),
            _ when metric.Kind == MetricKind.Ratio => value(total, period),
            _ => samples.Average(),
        };
        return new PeriodDatapoint(start, result, samples.Count);
    }

    /// <summary>The percentile of the period's merged histogram; its sample count is the minutes that had values.</summary>
    private static PeriodDatapoint PercentileDatapoint(AlarmMetric metric, decimal percent,
        IReadOnlyDictionary<DateTimeOffset, WindowStats> minutes, DateTimeOffset start, TimeSpan period)
    {
        var distribution = metric.Distribution ?? throw new ArgumentException($"{metric.Name} has no distribution for percentiles.", nameof(metric));
        var merged = new LatencyHistogram();
        var samples = 0;
        for (var minute = start; minute < start + period; minute += WindowFolder.WindowLength)
        {
            if (minutes.TryGetValue(minute, out var stats) && distribution(stats) is { IsEmpty: false } histogram)
            {
                merged.Merge(histogram);
                samples++;
            }
        }
        return samples == 0 ? PeriodDatapoint.Missing(start) : new PeriodDatapoint(start, ExtendedStatistics.Milliseconds(merged, percent), samples);
    }
}
