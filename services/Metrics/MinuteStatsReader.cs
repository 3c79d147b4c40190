using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.Metrics;

/// <summary>
/// Reads the per-minute projection for one domain, all countries summed or one country: minutes in [from, to).
/// Used by MetricsQuery and Alerting.
/// </summary>
public sealed class MinuteStatsReader(NpgsqlDataSource dataSource)
{
    private const string Filter = "where domain = $1 and window_start >= $2 and window_start < $3 and ($4::text is null or country = $4)";

    /// <summary>Counts, sums, status codes and edge types per minute (no histograms).</summary>
    public Task<SortedDictionary<DateTimeOffset, WindowStats>> ReadAsync(
        string domain, DateTimeOffset from, DateTimeOffset to, string? country, CancellationToken cancellationToken) =>
        ReadAsync(domain, from, to, country, includeHistograms: false, cancellationToken);

    /// <summary>As <see cref="ReadAsync(string, DateTimeOffset, DateTimeOffset, string?, CancellationToken)"/>, plus the latency histograms when asked.</summary>
    public async Task<SortedDictionary<DateTimeOffset, WindowStats>> ReadAsync(
        string domain, DateTimeOffset from, DateTimeOffset to, string? country, bool includeHistograms, CancellationToken cancellationToken)
    {
        var minutes = new SortedDictionary<DateTimeOffset, WindowStats>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"""
                    select window_start, sum(requests)::bigint, sum(bytes)::bigint, sum(time_taken_us)::bigint,
                           sum(origin_requests)::bigint, sum(origin_bytes)::bigint, sum(origin_time_taken_us)::bigint,
                           sum(hit_rate_requests)::bigint, sum(hit_requests)::bigint, sum(hit_rate_bytes)::bigint, sum(hit_bytes)::bigint,
                           sum(latency_300)::bigint, sum(latency_600)::bigint, sum(latency_1000)::bigint
                    from metrics.minute_stats {Filter}
                    group by window_start
                    """, domain, from, to, country),
                Command($"""
                    select window_start, origin, status, sum(requests)::bigint, sum(time_taken_us)::bigint
                    from metrics.minute_status {Filter}
                    group by window_start, origin, status
                    """, domain, from, to, country),
                Command($"""
                    select window_start, edge_type, sum(requests)::bigint, sum(time_taken_us)::bigint
                    from metrics.minute_edge {Filter}
                    group by window_start, edge_type
                    """, domain, from, to, country),
            },
        };
        if (includeHistograms)
        {
            batch.BatchCommands.Add(Command($"select window_start, first_byte, buckets, counts from metrics.minute_latency {Filter}",
                domain, from, to, country));
        }
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var s = Minute(minutes, reader.GetFieldValue<DateTimeOffset>(0));
            s.Requests = reader.GetInt64(1);
            s.Bytes = reader.GetInt64(2);
            s.TimeTakenUsSum = reader.GetInt64(3);
            s.OriginRequests = reader.GetInt64(4);
            s.OriginBytes = reader.GetInt64(5);
            s.OriginTimeTakenUsSum = reader.GetInt64(6);
            s.HitRateRequests = reader.GetInt64(7);
            s.HitRequests = reader.GetInt64(8);
            s.HitRateBytes = reader.GetInt64(9);
            s.HitBytes = reader.GetInt64(10);
            s.Latency300 = reader.GetInt64(11);
            s.Latency600 = reader.GetInt64(12);
            s.Latency1000 = reader.GetInt64(13);
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var s = Minute(minutes, reader.GetFieldValue<DateTimeOffset>(0));
            var map = reader.GetBoolean(1) ? s.StatusCodesOrigin : s.StatusCodes;
            map[reader.GetInt32(2)] = new CountAndTime { Count = reader.GetInt64(3), TimeTakenUsSum = reader.GetInt64(4) };
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var s = Minute(minutes, reader.GetFieldValue<DateTimeOffset>(0));
            s.EdgeTypes[reader.GetString(1)] = new CountAndTime { Count = reader.GetInt64(2), TimeTakenUsSum = reader.GetInt64(3) };
        }
        if (includeHistograms && await reader.NextResultAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var s = Minute(minutes, reader.GetFieldValue<DateTimeOffset>(0));
                var histogram = reader.GetBoolean(1) ? s.FirstByteHistogram : s.TimeTakenHistogram;
                var (buckets, counts) = (reader.GetFieldValue<int[]>(2), reader.GetFieldValue<long[]>(3));
                for (var i = 0; i < buckets.Length; i++)
                {
                    histogram.AddToBucket(buckets[i], counts[i]);
                }
            }
        }
        return minutes;
    }

    /// <summary>Download-speed counts per minute, country and ISP (one country, or all of them).</summary>
    public async Task<SortedDictionary<DateTimeOffset, DownloadSpeedWindow>> ReadDownloadSpeedAsync(
        string domain, DateTimeOffset from, DateTimeOffset to, string? country, CancellationToken cancellationToken)
    {
        var minutes = new SortedDictionary<DateTimeOffset, DownloadSpeedWindow>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"""
                    select window_start, country, isp, origin, under_250k, under_500k, under_750k, under_1m, under_2m, under_3m, under_4m, other
                    from metrics.minute_speed {Filter}
                    """, domain, from, to, country),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var start = reader.GetFieldValue<DateTimeOffset>(0);
            if (!minutes.TryGetValue(start, out var window))
            {
                window = new DownloadSpeedWindow();
                minutes[start] = window;
            }
            var counts = (reader.GetBoolean(3) ? window.Origin : window.Cdn).Get(reader.GetString(1), reader.GetString(2));
            for (var i = 0; i < DownloadSpeedCounts.Buckets.Count; i++)
            {
                counts.Add(DownloadSpeedCounts.Buckets[i], reader.GetInt64(4 + i));
            }
        }
        return minutes;
    }

    /// <summary>
    /// The <paramref name="count"/> URLs with the most requests or bytes over the minutes in [from, to), ties broken
    /// by path in byte order. Values are lower bounds within N / (UrlSummary.Capacity + 1) of the truth.
    /// </summary>
    public async Task<IReadOnlyList<TopUrl>> ReadTopUrlsAsync(
        string domain, DateTimeOffset from, DateTimeOffset to, string? country, UrlRanking ranking, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var column = ranking == UrlRanking.Requests ? "requests" : "bytes";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"""
                    select u.url, sum(u.value)::bigint as total
                    from metrics.minute_urls cross join lateral unnest(urls, {column}) as u(url, value)
                    {Filter}
                    group by u.url having sum(u.value) > 0
                    order by total desc, u.url collate "C"
                    limit {count}
                    """, domain, from, to, country),
            },
        };
        var top = new List<TopUrl>(count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            top.Add(new TopUrl(reader.GetString(0), reader.GetInt64(1)));
        }
        return top;
    }

    /// <summary>
    /// The URL summaries per minute in [from, to), summed over countries (or of one country): every URL with its
    /// requests and bytes as stored, for callers that rank many ranges from the same minutes (the query cache).
    /// </summary>
    public async Task<SortedDictionary<DateTimeOffset, UrlSummary>> ReadUrlSummariesAsync(
        string domain, DateTimeOffset from, DateTimeOffset to, string? country, CancellationToken cancellationToken)
    {
        var minutes = new SortedDictionary<DateTimeOffset, UrlSummary>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { Command($"select window_start, urls, requests, bytes from metrics.minute_urls {Filter}", domain, from, to, country) },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var start = reader.GetFieldValue<DateTimeOffset>(0);
            if (!minutes.TryGetValue(start, out var summary))
            {
                summary = new UrlSummary();
                minutes[start] = summary;
            }
            var (urls, requests, bytes) = (reader.GetFieldValue<string[]>(1), reader.GetFieldValue<long[]>(2), reader.GetFieldValue<long[]>(3));
            for (var i = 0; i < urls.Length; i++)
            {
                summary.Add(urls[i], new UrlTally(requests[i], bytes[i]));
            }
        }
        return minutes;
    }

    private static WindowStats Minute(SortedDictionary<DateTimeOffset, WindowStats> minutes, DateTimeOffset start)
    {
        if (!minutes.TryGetValue(start, out var stats))
        {
            stats = new WindowStats();
            minutes[start] = stats;
        }
        return stats;
    }

    private static NpgsqlBatchCommand Command(string sql, string domain, DateTimeOffset from, DateTimeOffset to, string? country) =>
        new(sql)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = domain },
                new NpgsqlParameter { Value = from.ToUniversalTime() },
                new NpgsqlParameter { Value = to.ToUniversalTime() },
                new NpgsqlParameter { Value = (object?)country ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            },
        };
}
