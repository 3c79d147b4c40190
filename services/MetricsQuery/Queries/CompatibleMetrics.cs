using System.Globalization;
using System.Text.Json;
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

    /// <summary>
    /// The names <c>Metric=all</c> expands to: exactly the reference's 18, in its order (reference §4.3). CdnPulse's
    /// additions are answered by name only: download speed alone is every country × ISP × 8 buckets per window
    /// (131 MB for 24 h of a busy domain), which the reference's <c>all</c> did not carry either.
    /// </summary>
    public static readonly string[] All =
    [
        "request", "requestOrigin", "requestLatency", "requestOriginLatency", "statusCode", "statusCodeLatency",
        "statusCodeOrigin", "statusCodeOriginLatency", "chr", "chrBandWidth", "bandwidth", "bandwidthOrigin",
        "latencyRatio", TopUrlRequests, TopUrlSize, "downstreamTraffic", "edgeType", "edgeTypeLatency",
    ];

    /// <summary>CdnPulse's additions, answered when named.</summary>
    public static readonly string[] Additions =
    [
        DownloadSpeed, DownloadSpeedOrigin, "latencyP50", "latencyP90", "latencyP99", "ttfbP50", "ttfbP90", "ttfbP99",
        "errorRate4xx", "errorRate5xx",
    ];

    /// <summary>Every name the API answers: the reference's, then CdnPulse's additions.</summary>
    public static readonly string[] Known = [.. All, .. Additions];

    public static bool IsKnown(string name) => Known.Contains(name, StringComparer.Ordinal);

    public static bool IsTopUrls(string name) => name is TopUrlRequests or TopUrlSize;

    public static bool IsDownloadSpeed(string name) => name is DownloadSpeed or DownloadSpeedOrigin;

    /// <summary>Whether the metric is computed per window from the minute statistics (not top URLs, not download speed).</summary>
    public static bool IsPerWindow(string name) => !IsTopUrls(name) && !IsDownloadSpeed(name);

    /// <summary>Whether the metric needs the latency histograms (percentiles).</summary>
    public static bool NeedsHistograms(string name) => name.StartsWith("latencyP", StringComparison.Ordinal) || name.StartsWith("ttfbP", StringComparison.Ordinal);

    /// <summary>Writes the metric's value properties of a DetailData point: usually "Value", latencyRatio adds its siblings too.</summary>
    public static void Write(Utf8JsonWriter w, string metric, WindowStats s, TimeSpan interval)
    {
        switch (metric)
        {
            case "request": w.WriteString("Value", MetricText.Integer(s.Requests)); break;
            case "requestOrigin": w.WriteString("Value", MetricText.Integer(s.OriginRequests)); break;
            case "requestLatency": w.WriteString("Value", Milliseconds(s.TimeTakenUsSum, s.Requests)); break;
            case "requestOriginLatency": w.WriteString("Value", Milliseconds(s.OriginTimeTakenUsSum, s.OriginRequests)); break;
            case "downstreamTraffic": w.WriteString("Value", MetricText.Integer(s.Bytes)); break;
            case "bandwidth": w.WriteString("Value", MetricText.BitsPerSecond(MetricFormulas.BitsPerSecond(s.Bytes, interval))); break;
            case "bandwidthOrigin": w.WriteString("Value", MetricText.BitsPerSecond(MetricFormulas.BitsPerSecond(s.OriginBytes, interval))); break;
            case "chr": w.WriteString("Value", MetricText.Percent(MetricFormulas.HitRate(s))); break;
            case "chrBandWidth": w.WriteString("Value", MetricText.Percent(MetricFormulas.ByteHitRate(s))); break;
            case "latencyRatio":
                w.WriteString("Value", Percent(s.Latency1000, s.Requests));
                w.WriteString("Value_600", Percent(s.Latency600, s.Requests));
                w.WriteString("Value_300", Percent(s.Latency300, s.Requests));
                break;
            case "statusCode" or "statusCodeLatency": StatusList(w, s.StatusCodes); break;
            case "statusCodeOrigin" or "statusCodeOriginLatency": StatusList(w, s.StatusCodesOrigin); break;
            case "edgeType" or "edgeTypeLatency": EdgeList(w, s.EdgeTypes); break;
            case "latencyP50": w.WriteString("Value", Percentile(s.TimeTakenHistogram, 50)); break;
            case "latencyP90": w.WriteString("Value", Percentile(s.TimeTakenHistogram, 90)); break;
            case "latencyP99": w.WriteString("Value", Percentile(s.TimeTakenHistogram, 99)); break;
            case "ttfbP50": w.WriteString("Value", Percentile(s.FirstByteHistogram, 50)); break;
            case "ttfbP90": w.WriteString("Value", Percentile(s.FirstByteHistogram, 90)); break;
            case "ttfbP99": w.WriteString("Value", Percentile(s.FirstByteHistogram, 99)); break;
            case "errorRate4xx": w.WriteString("Value", MetricText.Percent(MetricFormulas.ErrorRate(s, 4))); break;
            case "errorRate5xx": w.WriteString("Value", MetricText.Percent(MetricFormulas.ErrorRate(s, 5))); break;
            default: throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a per-window metric.");
        }
    }

    /// <summary>
    /// The metric that answers exactly the same DetailData as <paramref name="metric"/> (statusCodeLatency as
    /// statusCode, and so on: the reference stored both), so <c>Metric=all</c> writes each list once and copies it.
    /// </summary>
    public static string SameAs(string metric) => metric switch
    {
        "statusCodeLatency" => "statusCode",
        "statusCodeOriginLatency" => "statusCodeOrigin",
        "edgeTypeLatency" => "edgeType",
        _ => metric,
    };

    private static void StatusList(Utf8JsonWriter w, Dictionary<int, CountAndTime> map)
    {
        w.WriteStartArray("Value");
        foreach (var (code, value) in map.OrderBy(kv => kv.Key))
        {
            w.WriteStartObject();
            w.WriteString("StatusCode", code.ToString(CultureInfo.InvariantCulture));
            w.WriteString("Count", MetricText.Integer(value.Count));
            w.WriteString("Latency", Milliseconds(value.TimeTakenUsSum, value.Count));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void EdgeList(Utf8JsonWriter w, Dictionary<string, CountAndTime> map)
    {
        w.WriteStartArray("Value");
        foreach (var (edgeType, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("EdgeType", edgeType);
            w.WriteString("Count", MetricText.Integer(value.Count));
            w.WriteString("Latency", Milliseconds(value.TimeTakenUsSum, value.Count));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string Milliseconds(long microseconds, long count) => MetricText.Milliseconds(MetricFormulas.MeanMilliseconds(microseconds, count));

    private static string Percent(long part, long whole) => MetricText.Percent(MetricFormulas.Percent(part, whole));

    private static string Percentile(LatencyHistogram histogram, int percent) =>
        MetricText.Milliseconds(MetricFormulas.PercentileMilliseconds(histogram, percent));
}
