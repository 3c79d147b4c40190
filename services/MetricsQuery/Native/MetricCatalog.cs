using System.Globalization;
using CdnPulse.Metrics;
using static CdnPulse.MetricsQuery.Native.MetricGroupBy;

namespace CdnPulse.MetricsQuery.Native;

/// <summary>
/// Every metric of the native API (GET /api/v1/metrics lists them). Values come from <see cref="MetricFormulas"/>,
/// the definitions the compatible API uses too (docs/metrics.md); the native API serves them as JSON numbers.
/// </summary>
internal static class MetricCatalog
{
    public const string Count = "count";
    public const string Bytes = "bytes";
    public const string BitsPerSecond = "bit/s";
    public const string Percent = "percent";
    public const string Milliseconds = "ms";

    private static readonly MetricGroupBy[] ByCountry = [Country];

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        Scalar("requests", Count, "Requests (log lines) in the interval.", (s, _) => s.Requests, 0, [Country, Status, EdgeType]) with
        {
            Breakdown = (s, by) => by == Status ? ByStatus(s.StatusCodes) : s.EdgeTypes,
            BreakdownValue = c => c.Count,
        },
        Scalar("originRequests", Count, "Requests that went to the origin (detailed result type Miss, or containing Origin but not OriginShieldHit).",
            (s, _) => s.OriginRequests, 0, [Country, Status]) with
        {
            Breakdown = (s, _) => ByStatus(s.StatusCodesOrigin),
            BreakdownValue = c => c.Count,
        },
        Scalar("bytes", Bytes, "Bytes sent to viewers (Σ sc-bytes; the reference's downstreamTraffic).", (s, _) => s.Bytes),
        Scalar("originBytes", Bytes, "Bytes sent to viewers for requests that went to the origin.", (s, _) => s.OriginBytes),
        Scalar("bandwidth", BitsPerSecond, "Average bits per second sent to viewers over the interval (Σ sc-bytes × 8 / seconds).",
            (s, length) => MetricFormulas.BitsPerSecond(s.Bytes, length), 2),
        Scalar("originBandwidth", BitsPerSecond, "The same over the requests that went to the origin.",
            (s, length) => MetricFormulas.BitsPerSecond(s.OriginBytes, length), 2),
        Scalar("cacheHitRate", Percent, "100 × hits / requests that count for the hit rate (not LimitExceeded or CapacityExceeded); the reference's chr.",
            (s, _) => s.HitRateRequests == 0 ? null : MetricFormulas.HitRate(s), 2),
        Scalar("byteHitRate", Percent, "100 × bytes of hits / bytes of the requests that count for the hit rate; the reference's chrBandWidth, byte-weighted.",
            (s, _) => s.HitRateBytes == 0 ? null : MetricFormulas.ByteHitRate(s), 2),
        Scalar("latencyMean", Milliseconds, "Mean time-taken (the reference's requestLatency).",
            (s, _) => s.Requests == 0 ? null : MetricFormulas.MeanMilliseconds(s.TimeTakenUsSum, s.Requests), 3, [Country, Status, EdgeType]) with
        {
            Breakdown = (s, by) => by == Status ? ByStatus(s.StatusCodes) : s.EdgeTypes,
            BreakdownValue = MeanOf,
        },
        Scalar("originLatencyMean", Milliseconds, "Mean time-taken of the requests that went to the origin (the reference's requestOriginLatency).",
            (s, _) => s.OriginRequests == 0 ? null : MetricFormulas.MeanMilliseconds(s.OriginTimeTakenUsSum, s.OriginRequests), 3, [Country, Status]) with
        {
            Breakdown = (s, _) => ByStatus(s.StatusCodesOrigin),
            BreakdownValue = MeanOf,
        },
        Percentile("latencyP50", 50, firstByte: false),
        Percentile("latencyP90", 90, firstByte: false),
        Percentile("latencyP95", 95, firstByte: false),
        Percentile("latencyP99", 99, firstByte: false),
        Percentile("ttfbP50", 50, firstByte: true),
        Percentile("ttfbP90", 90, firstByte: true),
        Percentile("ttfbP99", 99, firstByte: true),
        Scalar("latencyOver1s", Percent, "Share of requests with time-taken ≥ 1 s (the reference's latencyRatio Value).",
            (s, _) => s.Requests == 0 ? null : MetricFormulas.Percent(s.Latency1000, s.Requests), 2),
        Scalar("latency600To1000", Percent, "Share of requests with time-taken in [0.6 s, 1 s) (latencyRatio Value_600).",
            (s, _) => s.Requests == 0 ? null : MetricFormulas.Percent(s.Latency600, s.Requests), 2),
        Scalar("latency300To600", Percent, "Share of requests with time-taken in [0.3 s, 0.6 s) (latencyRatio Value_300).",
            (s, _) => s.Requests == 0 ? null : MetricFormulas.Percent(s.Latency300, s.Requests), 2),
        Scalar("errorRate4xx", Percent, "Share of requests answered with a 4xx status.",
            (s, _) => s.Requests == 0 ? null : MetricFormulas.ErrorRate(s, 4), 2),
        Scalar("errorRate5xx", Percent, "Share of requests answered with a 5xx status.",
            (s, _) => s.Requests == 0 ? null : MetricFormulas.ErrorRate(s, 5), 2),
        new("topUrlsByRequests", Count, MetricKind.TopUrls,
            "URL paths (cs-uri-stem) with the most requests over the range; lower bounds, short by at most total/101 (docs/metrics.md).", []) { Ranking = UrlRanking.Requests },
        new("topUrlsByBytes", Bytes, MetricKind.TopUrls,
            "URL paths with the most bytes sent over the range; lower bounds, short by at most total/101 (docs/metrics.md).", []) { Ranking = UrlRanking.Bytes },
        new("downloadSpeed", Count, MetricKind.Distribution,
            "Requests per download-speed bucket (sc-bytes / time-taken, K = 1024), over rows that are not LimitExceeded, CapacityExceeded, Error or Redirect.",
            [Country, Isp]),
        new("downloadSpeedOrigin", Count, MetricKind.Distribution,
            "Requests per download-speed bucket over the rows whose response result type is Miss.", [Country, Isp]) { Origin = true },
    ];

    public static MetricDefinition? Find(string name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    private static MetricDefinition Scalar(string name, string unit, string description, Func<WindowStats, TimeSpan, decimal?> value,
        int decimals = 0, MetricGroupBy[]? groupBys = null) =>
        new(name, unit, MetricKind.Series, description, groupBys ?? ByCountry, decimals) { Value = value };

    private static MetricDefinition Percentile(string name, int percent, bool firstByte)
    {
        var description = firstByte
            ? $"{percent}th percentile (nearest rank) of time-to-first-byte, within 0.8 % (histogram bucket midpoint); only lines that carry it."
            : $"{percent}th percentile (nearest rank) of time-taken, within 0.8 % (histogram bucket midpoint).";
        var metric = Scalar(name, Milliseconds, description, (s, _) =>
            (firstByte ? s.FirstByteHistogram : s.TimeTakenHistogram) is { IsEmpty: false } h ? MetricFormulas.PercentileMilliseconds(h, percent) : null, 3);
        return metric with
        {
            NeedsHistograms = true,
            Histogram = firstByte ? s => s.FirstByteHistogram : s => s.TimeTakenHistogram,
            Percent = percent,
        };
    }

    private static decimal? MeanOf(CountAndTime c) => c.Count == 0 ? null : MetricFormulas.MeanMilliseconds(c.TimeTakenUsSum, c.Count);

    private static IEnumerable<KeyValuePair<string, CountAndTime>> ByStatus(Dictionary<int, CountAndTime> map) =>
        map.Select(kv => KeyValuePair.Create(kv.Key.ToString(CultureInfo.InvariantCulture), kv.Value));
}
