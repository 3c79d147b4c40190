using Npgsql;

namespace CdnPulse.Metrics;

/// <summary>Reads the per-minute projection for one domain, all countries summed or one country: minutes in [from, to).</summary>
public sealed class MinuteStatsReader(NpgsqlDataSource dataSource)
{
    public async Task<SortedDictionary<DateTimeOffset, WindowStats>> ReadAsync(
        string domain, DateTimeOffset from, DateTimeOffset to, string? country, CancellationToken cancellationToken)
    {
        var minutes = new SortedDictionary<DateTimeOffset, WindowStats>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command("""
                    select window_start, sum(requests)::bigint, sum(bytes)::bigint, sum(time_taken_us)::bigint,
                           sum(origin_requests)::bigint, sum(origin_bytes)::bigint, sum(origin_time_taken_us)::bigint,
                           sum(hit_rate_requests)::bigint, sum(hit_requests)::bigint, sum(hit_rate_bytes)::bigint, sum(hit_bytes)::bigint,
                           sum(latency_300)::bigint, sum(latency_600)::bigint, sum(latency_1000)::bigint
                    from metrics.minute_stats
                    where domain = $1 and window_start >= $2 and window_start < $3 and ($4::text is null or country = $4)
                    group by window_start
                    """, domain, from, to, country),
                Command("""
                    select window_start, origin, status, sum(requests)::bigint, sum(time_taken_us)::bigint
                    from metrics.minute_status
                    where domain = $1 and window_start >= $2 and window_start < $3 and ($4::text is null or country = $4)
                    group by window_start, origin, status
                    """, domain, from, to, country),
                Command("""
                    select window_start, edge_type, sum(requests)::bigint, sum(time_taken_us)::bigint
                    from metrics.minute_edge
                    where domain = $1 and window_start >= $2 and window_start < $3 and ($4::text is null or country = $4)
                    group by window_start, edge_type
                    """, domain, from, to, country),
            },
        };
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
                new NpgsqlParameter { Value = (object?)country ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
            },
        };
}
