using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// The metrics alarms can watch, with the definitions of docs/metrics.md computed unrounded from the exact sums.
/// A small copy of MetricsQuery's formulas (which return display strings); to be shared once both live in the
/// Metrics library.
/// </summary>
internal static class AlarmMetrics
{
    public static readonly IReadOnlyList<AlarmMetric> All =
    [
        new("request", MetricKind.Count, "Count", (s, _) => s.Requests),
        new("requestOrigin", MetricKind.Count, "Count", (s, _) => s.OriginRequests),
        new("downstreamTraffic", MetricKind.Count, "Bytes", (s, _) => s.Bytes),
        new("statusCode2xx", MetricKind.Count, "Count", (s, _) => StatusClass(s, 2)),
        new("statusCode3xx", MetricKind.Count, "Count", (s, _) => StatusClass(s, 3)),
        new("statusCode4xx", MetricKind.Count, "Count", (s, _) => StatusClass(s, 4)),
        new("statusCode5xx", MetricKind.Count, "Count", (s, _) => StatusClass(s, 5)),
        new("errorRate4xx", MetricKind.Ratio, "Percent", (s, _) => Percent(StatusClass(s, 4), s.Requests)),
        new("errorRate5xx", MetricKind.Ratio, "Percent", (s, _) => Percent(StatusClass(s, 5), s.Requests)),
        new("chr", MetricKind.Ratio, "Percent", (s, _) => Percent(s.HitRequests, s.HitRateRequests)),
        new("chrBandWidth", MetricKind.Ratio, "Percent", (s, _) => Percent(s.HitBytes, s.HitRateBytes)),
        new("requestLatency", MetricKind.Ratio, "Milliseconds", (s, _) => Milliseconds(s.TimeTakenUsSum, s.Requests)),
        new("requestOriginLatency", MetricKind.Ratio, "Milliseconds", (s, _) => Milliseconds(s.OriginTimeTakenUsSum, s.OriginRequests)),
        new("latencyRatio", MetricKind.Ratio, "Percent", (s, _) => Percent(s.Latency1000, s.Requests)),
        new("bandwidth", MetricKind.Ratio, "Bits/Second", (s, span) => BitsPerSecond(s.Bytes, s.Requests, span)),
        new("bandwidthOrigin", MetricKind.Ratio, "Bits/Second", (s, span) => BitsPerSecond(s.OriginBytes, s.OriginRequests, span)),
    ];

    public static IEnumerable<string> Names => All.Select(m => m.Name);

    public static AlarmMetric? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    private static long StatusClass(WindowStats s, int statusClass) =>
        s.StatusCodes.Where(kv => kv.Key / 100 == statusClass).Sum(kv => kv.Value.Count);

    private static double? Percent(long part, long whole) => whole == 0 ? null : 100.0 * part / whole;

    private static double? Milliseconds(long microseconds, long count) => count == 0 ? null : microseconds / 1000.0 / count;

    private static double? BitsPerSecond(long bytes, long requests, TimeSpan span) => requests == 0 ? null : bytes * 8.0 / span.TotalSeconds;
}
