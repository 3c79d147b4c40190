using System.Globalization;
using System.Text.Json.Nodes;
using CdnPulse.Contracts;

namespace CdnPulse.Aggregation.Tests;

/// <summary>
/// Every metric's DetailData worked out directly from the generated lines, with the definitions of docs/metrics.md
/// restated here (not CdnPulse's code): windows of <c>interval</c> whose end lies in [start, end], labelled by their end.
/// </summary>
internal sealed class ExpectedMetrics(IReadOnlyList<CdnRequest> lines, IReadOnlyDictionary<string, string> ispByAddress)
{
    private static readonly (decimal Below, string Label)[] SpeedBuckets =
    [
        (256_000m, "250K"), (512_000m, "500K"), (768_000m, "750K"), (1_048_576m, "1M"), (2_097_152m, "2M"),
        (3_145_728m, "3M"), (4_194_304m, "4M"), (decimal.MaxValue, "Other"),
    ];

    public JsonArray DetailData(string metric, string domain, string? country, DateTimeOffset start, DateTimeOffset end, TimeSpan interval)
    {
        var windows = Windows(domain, country, start, end, interval);
        if (metric is "topNUrlRequests" or "topNUrlSize")
        {
            return TopUrls(windows.SelectMany(w => w.Lines), metric == "topNUrlRequests");
        }
        if (metric is "downloadSpeed" or "downloadSpeedOrigin")
        {
            Func<CdnRequest, bool> rows = metric == "downloadSpeed"
                ? r => r.EdgeResponseResultType is not ("LimitExceeded" or "CapacityExceeded" or "Error" or "Redirect")
                : r => r.EdgeResponseResultType == "Miss";
            return new JsonArray(windows.Where(w => w.Lines.Any(rows))
                .Select(w => (JsonNode)new JsonObject { ["Time"] = Time(w.End), ["Value"] = Speeds(w.Lines.Where(rows).ToList(), w.End, domain) })
                .ToArray());
        }
        return new JsonArray(windows.Select(w => (JsonNode)Point(metric, w.End, w.Lines, interval)).ToArray());
    }

    /// <summary>The windows, each with the sorted time-taken (or time-to-first-byte) of its lines in microseconds.</summary>
    public List<(string Time, long[] Microseconds)> Durations(string domain, string? country, DateTimeOffset start, DateTimeOffset end,
        TimeSpan interval, bool firstByte) =>
        Windows(domain, country, start, end, interval)
            .Select(w => (Time(w.End), w.Lines.Select(r => firstByte ? r.TimeToFirstByteMs : r.TimeTakenMs)
                .Where(ms => ms is not null).Select(ms => (long)(ms!.Value * 1000)).Order().ToArray()))
            .ToList();

    public List<(DateTimeOffset End, List<CdnRequest> Lines)> Windows(string domain, string? country, DateTimeOffset start, DateTimeOffset end, TimeSpan interval)
    {
        var length = (long)interval.TotalMilliseconds;
        return lines.Where(r => r.Host == domain && (country is null || r.Country == country))
            .GroupBy(r => DateTimeOffset.FromUnixTimeMilliseconds(r.TimestampMs - Mod(r.TimestampMs, length) + length))
            .Where(g => g.Key >= start && g.Key <= end)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.ToList()))
            .ToList();
    }

    private static JsonObject Point(string metric, DateTimeOffset end, List<CdnRequest> w, TimeSpan interval)
    {
        var origin = w.Where(r => IsOrigin(r.EdgeDetailedResultType)).ToList();
        var hitBase = w.Where(r => r.EdgeResponseResultType is not ("LimitExceeded" or "CapacityExceeded")).ToList();
        var hits = hitBase.Where(r => r.EdgeResponseResultType?.EndsWith("Hit", StringComparison.Ordinal) == true).ToList();
        var point = new JsonObject { ["Time"] = Time(end) };
        switch (metric)
        {
            case "request": point["Value"] = Text(w.Count); break;
            case "requestOrigin": point["Value"] = Text(origin.Count); break;
            case "requestLatency": point["Value"] = MeanMs(w); break;
            case "requestOriginLatency": point["Value"] = MeanMs(origin); break;
            case "statusCode" or "statusCodeLatency": point["Value"] = Groups(w, r => r.Status, "StatusCode", Comparer<int>.Default); break;
            case "statusCodeOrigin" or "statusCodeOriginLatency": point["Value"] = Groups(origin, r => r.Status, "StatusCode", Comparer<int>.Default); break;
            case "edgeType" or "edgeTypeLatency": point["Value"] = Groups(w, r => r.EdgeResponseResultType ?? "-", "EdgeType", StringComparer.Ordinal); break;
            case "chr": point["Value"] = Percent(hits.Count, hitBase.Count); break;
            case "chrBandWidth": point["Value"] = Percent(hits.Sum(r => r.BytesSent), hitBase.Sum(r => r.BytesSent)); break;
            case "bandwidth": point["Value"] = Bits(w.Sum(r => r.BytesSent), interval); break;
            case "bandwidthOrigin": point["Value"] = Bits(origin.Sum(r => r.BytesSent), interval); break;
            case "downstreamTraffic": point["Value"] = Text(w.Sum(r => r.BytesSent)); break;
            case "latencyRatio":
                point["Value"] = Percent(w.Count(r => r.TimeTakenMs >= 1000), w.Count);
                point["Value_600"] = Percent(w.Count(r => r.TimeTakenMs is >= 600 and < 1000), w.Count);
                point["Value_300"] = Percent(w.Count(r => r.TimeTakenMs is >= 300 and < 600), w.Count);
                break;
            case "errorRate4xx": point["Value"] = Percent(w.Count(r => r.Status is >= 400 and <= 499), w.Count); break;
            case "errorRate5xx": point["Value"] = Percent(w.Count(r => r.Status is >= 500 and <= 599), w.Count); break;
            default: throw new ArgumentOutOfRangeException(nameof(metric), metric, "No expectation for this metric.");
        }
        return point;
    }

    private JsonObject Speeds(List<CdnRequest> rows, DateTimeOffset end, string domain)
    {
        var value = new JsonObject();
        foreach (var byCountry in rows.GroupBy(r => r.Country!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var isps = new JsonObject();
            foreach (var byIsp in byCountry.GroupBy(r => ispByAddress[r.ClientIp]).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var shares = new JsonObject();
                foreach (var (_, label) in SpeedBuckets)
                {
                    shares[label] = Round((decimal)byIsp.Count(r => SpeedLabel(r) == label) / byIsp.Count(), 2).ToString("0.00", CultureInfo.InvariantCulture);
                }
                isps[byIsp.Key] = shares;
            }
            value[byCountry.Key] = isps;
        }
        value["timestamp"] = end.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        value["domain"] = domain;
        return value;
    }

    private static string SpeedLabel(CdnRequest r) =>
        r.TimeTakenMs == 0 ? "Other" : SpeedBuckets.First(b => r.BytesSent * 1000m / (decimal)r.TimeTakenMs < b.Below).Label;

    private static JsonArray TopUrls(IEnumerable<CdnRequest> rows, bool byRequests)
    {
        var top = rows.GroupBy(r => r.UriStem)
            .Select(g => (Path: g.Key, Value: byRequests ? g.LongCount() : g.Sum(r => r.BytesSent)))
            .Where(u => u.Value > 0)
            .OrderByDescending(u => u.Value).ThenBy(u => u.Path, StringComparer.Ordinal).Take(10)
            .Select(u => (JsonNode)new JsonObject { ["Path"] = u.Path, [byRequests ? "Count" : "Size"] = u.Value })
            .ToArray();
        return top.Length == 0 ? [] : [new JsonObject { ["Value"] = new JsonArray(top) }];
    }

    private static JsonArray Groups<TKey>(List<CdnRequest> rows, Func<CdnRequest, TKey> key, string name, IComparer<TKey> order) where TKey : notnull =>
        new(rows.GroupBy(key).OrderBy(g => g.Key, order)
            .Select(g => (JsonNode)new JsonObject
            {
                [name] = Convert.ToString(g.Key, CultureInfo.InvariantCulture),
                ["Count"] = Text(g.Count()),
                ["Latency"] = MeanMs(g.ToList()),
            }).ToArray());

    private static bool IsOrigin(string? detailed) =>
        detailed == "Miss" || (detailed is not null && detailed.Contains("Origin", StringComparison.Ordinal) && detailed != "OriginShieldHit");

    private static string MeanMs(List<CdnRequest> rows) =>
        Round(rows.Count == 0 ? 0 : rows.Sum(r => (decimal)r.TimeTakenMs) / rows.Count, 3).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Percent(long part, long whole) =>
        Round(whole == 0 ? 0 : 100m * part / whole, 2).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Bits(long bytes, TimeSpan interval) =>
        Round(bytes * 8m / (decimal)interval.TotalSeconds, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    public static string Time(DateTimeOffset end) => end.UtcDateTime.ToString(MetricApi.TimeFormat, CultureInfo.InvariantCulture);

    private static long Mod(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
