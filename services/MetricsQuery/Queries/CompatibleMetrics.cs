using System.Globalization;
using System.Text.Json.Nodes;
using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Queries;

/// <summary>
/// The reference solution's metric names and value shapes (strings for scalars), computed exactly from the summed
/// window statistics, plus CdnPulse's own: download speed, latency percentiles and error rates. Definitions and
/// deviations from the reference are written in docs/metrics.md.
/// </summary>
internal static class CompatibleMetrics
{
    public const string TopUrlRequests = "topNUrlRequests";
    public const string TopUrlSize = "topNUrlSize";
    public const string DownloadSpeed = "downloadSpeed";
    public const string DownloadSpeedOrigin = "downloadSpeedOrigin";

    /// <summary>The names <c>Metric=all</c> expands to: the reference's 18 in its order, then CdnPulse's additions.</summary>
    public static readonly string[] All =
    [
        "request", "requestOrigin", "requestLatency", "requestOriginLatency", "statusCode", "statusCodeLatency",
        "statusCodeOrigin", "statusCodeOriginLatency", "chr", "chrBandWidth", "bandwidth", "bandwidthOrigin",
        "latencyRatio", TopUrlRequests, TopUrlSize, "downstreamTraffic", "edgeType", "edgeTypeLatency",
        DownloadSpeed, DownloadSpeedOrigin, "latencyP50", "latencyP90", "latencyP99", "ttfbP50", "ttfbP90", "ttfbP99",
        "errorRate4xx", "errorRate5xx",
    ];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    public static bool IsTopUrls(string name) => name is TopUrlRequests or TopUrlSize;

    public static bool IsDownloadSpeed(string name) => name is DownloadSpeed or DownloadSpeedOrigin;

    /// <summary>Whether the metric needs the latency histograms (percentiles).</summary>
    public static bool NeedsHistograms(string name) => name.StartsWith("latencyP", StringComparison.Ordinal) || name.StartsWith("ttfbP", StringComparison.Ordinal);

    /// <summary>Adds the metric's value to a DetailData point: usually "Value", latencyRatio adds its siblings too.</summary>
    public static void Fill(JsonObject point, string metric, WindowStats s, TimeSpan interval)
    {
        switch (metric)
        {
            case "request": point["Value"] = MetricText.Integer(s.Requests); break;
            case "requestOrigin": point["Value"] = MetricText.Integer(s.OriginRequests); break;
            case "requestLatency": point["Value"] = Milliseconds(s.TimeTakenUsSum, s.Requests); break;
            case "requestOriginLatency": point["Value"] = Milliseconds(s.OriginTimeTakenUsSum, s.OriginRequests); break;
            case "downstreamTraffic": point["Value"] = MetricText.Integer(s.Bytes); break;
            case "bandwidth": point["Value"] = MetricText.BitsPerSecond(MetricFormulas.BitsPerSecond(s.Bytes, interval)); break;
            case "bandwidthOrigin": point["Value"] = MetricText.BitsPerSecond(MetricFormulas.BitsPerSecond(s.OriginBytes, interval)); break;
            case "chr": point["Value"] = MetricText.Percent(MetricFormulas.HitRate(s)); break;
            case "chrBandWidth": point["Value"] = MetricText.Percent(MetricFormulas.ByteHitRate(s)); break;
            case "latencyRatio":
                point["Value"] = Percent(s.Latency1000, s.Requests);
                point["Value_600"] = Percent(s.Latency600, s.Requests);
                point["Value_300"] = Percent(s.Latency300, s.Requests);
                break;
            case "statusCode" or "statusCodeLatency": point["Value"] = StatusList(s.StatusCodes); break;
            case "statusCodeOrigin" or "statusCodeOriginLatency": point["Value"] = StatusList(s.StatusCodesOrigin); break;
            case "edgeType" or "edgeTypeLatency": point["Value"] = EdgeList(s.EdgeTypes); break;
            case "latencyP50": point["Value"] = Percentile(s.TimeTakenHistogram, 50); break;
            case "latencyP90": point["Value"] = Percentile(s.TimeTakenHistogram, 90); break;
            case "latencyP99": point["Value"] = Percentile(s.TimeTakenHistogram, 99); break;
            case "ttfbP50": point["Value"] = Percentile(s.FirstByteHistogram, 50); break;
            case "ttfbP90": point["Value"] = Percentile(s.FirstByteHistogram, 90); break;
            case "ttfbP99": point["Value"] = Percentile(s.FirstByteHistogram, 99); break;
            case "errorRate4xx": point["Value"] = MetricText.Percent(MetricFormulas.ErrorRate(s, 4)); break;
            case "errorRate5xx": point["Value"] = MetricText.Percent(MetricFormulas.ErrorRate(s, 5)); break;
            default: throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a per-window metric.");
        }
    }

    private static JsonArray StatusList(Dictionary<int, CountAndTime> map) =>
        new(map.OrderBy(kv => kv.Key).Select(kv => (JsonNode)new JsonObject
        {
            ["StatusCode"] = kv.Key.ToString(CultureInfo.InvariantCulture),
            ["Count"] = MetricText.Integer(kv.Value.Count),
            ["Latency"] = Milliseconds(kv.Value.TimeTakenUsSum, kv.Value.Count),
        }).ToArray());

    private static JsonArray EdgeList(Dictionary<string, CountAndTime> map) =>
        new(map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (JsonNode)new JsonObject
        {
            ["EdgeType"] = kv.Key,
            ["Count"] = MetricText.Integer(kv.Value.Count),
            ["Latency"] = Milliseconds(kv.Value.TimeTakenUsSum, kv.Value.Count),
        }).ToArray());

    private static string Milliseconds(long microseconds, long count) => MetricText.Milliseconds(MetricFormulas.MeanMilliseconds(microseconds, count));

    private static string Percent(long part, long whole) => MetricText.Percent(MetricFormulas.Percent(part, whole));

    private static string Percentile(LatencyHistogram histogram, int percent) =>
        MetricText.Milliseconds(MetricFormulas.PercentileMilliseconds(histogram, percent));
}
