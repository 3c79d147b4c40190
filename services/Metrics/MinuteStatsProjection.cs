using CdnPulse.EventStore;
using Npgsql;

namespace CdnPulse.Metrics;

/// <summary>
/// Projects <see cref="WindowContributed"/> events into the per-minute tables (schema <c>metrics</c>, see
/// <see cref="MetricsSchema"/>): each contribution adds to its (domain, minute, country) rows. Every column is an
/// integer sum, so merging a batch in memory first changes nothing but speed, and a rebuild from the events gives
/// the same rows whatever the batch boundaries.
/// </summary>
public sealed class MinuteStatsProjection : IProjection
{
    public const string ProjectionName = "metric-minutes";

    /// <summary>The tables this projection writes (and a rebuild clears).</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "metrics.minute_stats", "metrics.minute_status", "metrics.minute_edge", "metrics.minute_latency",
        "metrics.minute_urls", "metrics.minute_speed",
    ];

    private static readonly string[] Key = ["domain", "window_start", "country"];
    private static readonly (string, string)[] KeyColumns = [("domain", "text"), ("window_start", "timestamptz"), ("country", "text")];

    public string Name => ProjectionName;

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var merged = new SortedDictionary<(string Domain, DateTimeOffset Start, string Country), WindowStats>(KeyComparer.Instance);
        foreach (var recorded in events)
        {
            if (recorded.Type != WindowContributed.EventType)
            {
                continue;
            }
            var contribution = recorded.Deserialize<WindowContributed>(MetricsJson.Options);
            foreach (var (country, stats) in contribution.Countries)
            {
                var key = (contribution.Domain, contribution.WindowStart.ToUniversalTime(), country);
                if (!merged.TryGetValue(key, out var total))
                {
                    total = new WindowStats();
                    merged[key] = total;
                }
                total.Merge(stats);
            }
        }
        if (merged.Count == 0)
        {
            return;
        }
        var histograms = new HistogramRows();
        var urls = new UrlSummaryRows();
        foreach (var ((domain, start, country), s) in merged)
        {
            histograms.Add(domain, start, country, false, s.TimeTakenHistogram);
            histograms.Add(domain, start, country, true, s.FirstByteHistogram);
            urls.Add(domain, start, country, s.Urls);
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var rows in Rows(merged).Where(r => r.Count > 0))
        {
            batch.BatchCommands.Add(rows.ToCommand());
        }
        if (histograms.Count > 0)
        {
            batch.BatchCommands.Add(histograms.ToCommand());
        }
        if (urls.Count > 0)
        {
            batch.BatchCommands.Add(urls.ToCommand());
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ClearAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"truncate {string.Join(", ", Tables)}", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IEnumerable<UpsertRows> Rows(SortedDictionary<(string Domain, DateTimeOffset Start, string Country), WindowStats> merged)
    {
        var stats = Table("minute_stats", Key, "requests", "bytes", "time_taken_us", "origin_requests", "origin_bytes", "origin_time_taken_us",
            "hit_rate_requests", "hit_requests", "hit_rate_bytes", "hit_bytes", "latency_300", "latency_600", "latency_1000");
        var status = Table("minute_status", [.. Key, "origin", "status"], [("origin", "boolean"), ("status", "int")], "requests", "time_taken_us");
        var edge = Table("minute_edge", [.. Key, "edge_type"], [("edge_type", "text")], "requests", "time_taken_us");
        var speed = Table("minute_speed", [.. Key, "isp", "origin"], [("isp", "text"), ("origin", "boolean")],
            "under_250k", "under_500k", "under_750k", "under_1m", "under_2m", "under_3m", "under_4m", "other");

        foreach (var ((domain, start, country), s) in merged)
        {
            stats.Add(domain, start, country, s.Requests, s.Bytes, s.TimeTakenUsSum, s.OriginRequests, s.OriginBytes, s.OriginTimeTakenUsSum,
                s.HitRateRequests, s.HitRequests, s.HitRateBytes, s.HitBytes, s.Latency300, s.Latency600, s.Latency1000);
            foreach (var (origin, map) in new[] { (false, s.StatusCodes), (true, s.StatusCodesOrigin) })
            {
                foreach (var (code, value) in map.OrderBy(kv => kv.Key))
                {
                    status.Add(domain, start, country, origin, code, value.Count, value.TimeTakenUsSum);
                }
            }
            foreach (var (edgeType, value) in s.EdgeTypes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                edge.Add(domain, start, country, edgeType, value.Count, value.TimeTakenUsSum);
            }
            foreach (var (origin, map) in new[] { (false, s.DownloadSpeed), (true, s.DownloadSpeedOrigin) })
            {
                foreach (var (isp, counts) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    speed.Add([domain, start, country, isp, origin, .. DownloadSpeedCounts.Buckets.Select(b => (object)counts[b])]);
                }
            }
        }
        return [stats, status, edge, speed];
    }

    private static UpsertRows Table(string name, string[] key, params string[] sums) => Table(name, key, [], sums);

    private static UpsertRows Table(string name, string[] key, (string, string)[] extraKeyColumns, params string[] sums) =>
        new($"metrics.{name}", key, [.. KeyColumns, .. extraKeyColumns, .. sums.Select(c => (c, "bigint"))]);

    /// <summary>Orders keys by domain and country ordinally (not culture-aware), then by time.</summary>
    private sealed class KeyComparer : IComparer<(string Domain, DateTimeOffset Start, string Country)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string Domain, DateTimeOffset Start, string Country) x, (string Domain, DateTimeOffset Start, string Country) y)
        {
            var c = string.CompareOrdinal(x.Domain, y.Domain);
            if (c == 0)
            {
                c = x.Start.CompareTo(y.Start);
            }
            return c != 0 ? c : string.CompareOrdinal(x.Country, y.Country);
        }
    }
}
