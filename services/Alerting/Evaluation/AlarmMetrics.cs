using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// The metrics alarms can watch, named as in <c>GET /metric</c> and defined by <see cref="MetricFormulas"/>
/// (docs/metrics.md), unrounded. Where the formulas answer 0 for an empty base, an alarm sees a missing sample
/// instead: no traffic is missing data, not zero.
/// </summary>
internal static class AlarmMetrics
{
    private static readonly int[] Percentiles = [50, 90, 99];

    public static readonly IReadOnlyList<AlarmMetric> All =
    [
        new("request", MetricKind.Count, "Count", (s, _) => s.Requests),
        new("requestOrigin", MetricKind.Count, "Count", (s, _) => s.OriginRequests),
        new("downstreamTraffic", MetricKind.Count, "Bytes", (s, _) => s.Bytes),
        new("statusCode2xx", MetricKind.Count, "Count", (s, _) => MetricFormulas.StatusClassCount(s, 2)),
        new("statusCode3xx", MetricKind.Count, "Count", (s, _) => MetricFormulas.StatusClassCount(s, 3)),
        new("statusCode4xx", MetricKind.Count, "Count", (s, _) => MetricFormulas.StatusClassCount(s, 4)),
        new("statusCode5xx", MetricKind.Count, "Count", (s, _) => MetricFormulas.StatusClassCount(s, 5)),
        new("errorRate4xx", MetricKind.Ratio, "Percent", (s, _) => Defined(s.Requests, MetricFormulas.ErrorRate(s, 4))),
        new("errorRate5xx", MetricKind.Ratio, "Percent", (s, _) => Defined(s.Requests, MetricFormulas.ErrorRate(s, 5))),
        new("chr", MetricKind.Ratio, "Percent", (s, _) => Defined(s.HitRateRequests, MetricFormulas.HitRate(s))),
        new("chrBandWidth", MetricKind.Ratio, "Percent", (s, _) => Defined(s.HitRateBytes, MetricFormulas.ByteHitRate(s))),
        new("requestLatency", MetricKind.Ratio, "Milliseconds", (s, _) => Defined(s.Requests, MetricFormulas.MeanMilliseconds(s.TimeTakenUsSum, s.Requests)),
            s => s.TimeTakenHistogram),
        new("requestOriginLatency", MetricKind.Ratio, "Milliseconds",
            (s, _) => Defined(s.OriginRequests, MetricFormulas.MeanMilliseconds(s.OriginTimeTakenUsSum, s.OriginRequests))),
        new("timeToFirstByte", MetricKind.Distribution, "Milliseconds", null, s => s.FirstByteHistogram),
        new("latencyRatio", MetricKind.Ratio, "Percent", (s, _) => Defined(s.Requests, MetricFormulas.Percent(s.Latency1000, s.Requests))),
        new("bandwidth", MetricKind.Ratio, "Bits/Second", (s, span) => Defined(s.Requests, MetricFormulas.BitsPerSecond(s.Bytes, span))),
        new("bandwidthOrigin", MetricKind.Ratio, "Bits/Second", (s, span) => Defined(s.OriginRequests, MetricFormulas.BitsPerSecond(s.OriginBytes, span))),
        .. Percentiles.Select(p => Percentile("latencyP" + p, p, s => s.TimeTakenHistogram)),
        .. Percentiles.Select(p => Percentile("ttfbP" + p, p, s => s.FirstByteHistogram)),
    ];

    public static IEnumerable<string> Names => All.Select(m => m.Name);

    public static IEnumerable<string> DistributionNames => All.Where(m => m.SupportsPercentiles).Select(m => m.Name);

    public static AlarmMetric? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>
    /// <c>latencyP99</c> and friends as <c>GET /metric</c> shows them: a sample is the minute's percentile, and the
    /// Average of a period is the percentile of the period's merged histogram (the same as ExtendedStatistic p99 on
    /// <c>requestLatency</c>), not a mean of per-minute percentiles.
    /// </summary>
    private static AlarmMetric Percentile(string name, int percent, Func<WindowStats, LatencyHistogram> histogram) =>
        new(name, MetricKind.Ratio, "Milliseconds",
            (s, _) => Defined(histogram(s).Count, MetricFormulas.PercentileMilliseconds(histogram(s), percent)), UsesHistograms: true);

    private static double? Defined(long denominator, decimal value) => denominator == 0 ? null : (double)value;
}
