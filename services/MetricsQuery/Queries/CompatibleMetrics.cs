using System.Globalization;
using System.Text.Json.Nodes;
using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Queries;

/// <summary>
/// The reference solution's metric names and value shapes (strings for scalars), computed exactly from the summed
/// window statistics. Definitions and deviations from the reference are written in docs/metrics.md.
/// </summary>
internal static class CompatibleMetrics
{
    /// <summary>The names <c>Metric=all</c> expands to, in the reference's order.</summary>
    public static readonly string[] All =
    [
        "request", "requestOrigin", "requestLatency", "requestOriginLatency", "statusCode", "statusCodeLatency",
        "statusCodeOrigin", "statusCodeOriginLatency", "chr", "chrBandWidth", "bandwidth", "bandwidthOrigin",
        "latencyRatio", "downstreamTraffic", "edgeType", "edgeTypeLatency",
    ];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>Adds the metric's value to a DetailData point: usually "Value", latencyRatio adds its siblings too.</summary>
    public static void Fill(JsonObject point, string metric, WindowStats s, TimeSpan interval)
    {
        switch (metric)
        {
            case "request": point["Value"] = Integer(s.Requests); break;
            case "requestOrigin": point["Value"] = Integer(s.OriginRequests); break;
            case "requestLatency": point["Value"] = Milliseconds(s.TimeTakenUsSum, s.Requests); break;
            case "requestOriginLatency": point["Value"] = Milliseconds(s.OriginTimeTakenUsSum, s.OriginRequests); break;
            case "downstreamTraffic": point["Value"] = Integer(s.Bytes); break;
            case "bandwidth": point["Value"] = BitsPerSecond(s.Bytes, interval); break;
            case "bandwidthOrigin": point["Value"] = BitsPerSecond(s.OriginBytes, interval); break;
            case "chr": point["Value"] = Percent(s.HitRequests, s.HitRateRequests); break;
            case "chrBandWidth": point["Value"] = Percent(s.HitBytes, s.HitRateBytes); break;
            case "latencyRatio":
                point["Value"] = Percent(s.Latency1000, s.Requests);
                point["Value_600"] = Percent(s.Latency600, s.Requests);
                point["Value_300"] = Percent(s.Latency300, s.Requests);
                break;
            case "statusCode": point["Value"] = StatusList(s.StatusCodes, "StatusCode"); break;
            case "statusCodeLatency": point["Value"] = StatusList(s.StatusCodes, "StatusCode"); break;
            case "statusCodeOrigin": point["Value"] = StatusList(s.StatusCodesOrigin, "StatusCode"); break;
            case "statusCodeOriginLatency": point["Value"] = StatusList(s.StatusCodesOrigin, "StatusCode"); break;
            case "edgeType": point["Value"] = EdgeList(s.EdgeTypes); break;
            case "edgeTypeLatency": point["Value"] = EdgeList(s.EdgeTypes); break;
            default: throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric.");
        }
    }

    private static JsonArray StatusList(Dictionary<int, CountAndTime> map, string keyName) =>
        new(map.OrderBy(kv => kv.Key).Select(kv => (JsonNode)new JsonObject
        {
            [keyName] = kv.Key.ToString(CultureInfo.InvariantCulture),
            ["Count"] = Integer(kv.Value.Count),
            ["Latency"] = Milliseconds(kv.Value.TimeTakenUsSum, kv.Value.Count),
        }).ToArray());

    private static JsonArray EdgeList(Dictionary<string, CountAndTime> map) =>
        new(map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (JsonNode)new JsonObject
        {
            ["EdgeType"] = kv.Key,
            ["Count"] = Integer(kv.Value.Count),
            ["Latency"] = Milliseconds(kv.Value.TimeTakenUsSum, kv.Value.Count),
        }).ToArray());

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Mean time-taken in ms with 3 decimals (the reference's latency_ms), from exact microsecond sums.</summary>
    private static string Milliseconds(long microseconds, long count) =>
        count == 0 ? "0.000" : (microseconds / 1000.0 / count).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>100 × part / whole with 2 decimals; "0.00" when nothing counts (the reference failed with a 502 there).</summary>
    private static string Percent(long part, long whole) =>
        whole == 0 ? "0.00" : Math.Round(100.0 * part / whole, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Average bits per second over the interval, without the reference's integer truncation (2 decimals).</summary>
    private static string BitsPerSecond(long bytes, TimeSpan interval) =>
        Math.Round(bytes * 8.0 / interval.TotalSeconds, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
