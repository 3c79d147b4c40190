using CdnPulse.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.Metrics;

/// <summary>
/// Projects <see cref="WindowContributed"/> events into the per-minute tables: each contribution adds to its
/// (domain, minute, country) rows. Sums are integers, so merging a batch in memory first changes nothing but speed.
/// </summary>
public sealed class MinuteStatsProjection : IProjection
{
    public const string ProjectionName = "metric-minutes";

    public string Name => ProjectionName;

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var merged = new SortedDictionary<(string Domain, DateTimeOffset Start, string Country), WindowStats>();
        foreach (var recorded in events)
        {
            if (recorded.Type != WindowContributed.EventType)
            {
                continue;
            }
            var contribution = recorded.Deserialize<WindowContributed>(MetricsJson.Options);
            foreach (var (country, stats) in contribution.Countries)
            {
                var key = (contribution.Domain, contribution.WindowStart, country);
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
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var ((domain, start, country), stats) in merged)
        {
            batch.BatchCommands.Add(StatsUpsert(domain, start, country, stats));
            foreach (var (status, value) in stats.StatusCodes)
            {
                batch.BatchCommands.Add(StatusUpsert(domain, start, country, false, status, value));
            }
            foreach (var (status, value) in stats.StatusCodesOrigin)
            {
                batch.BatchCommands.Add(StatusUpsert(domain, start, country, true, status, value));
            }
            foreach (var (edgeType, value) in stats.EdgeTypes)
            {
                batch.BatchCommands.Add(EdgeUpsert(domain, start, country, edgeType, value));
            }
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ClearAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "truncate metrics.minute_stats, metrics.minute_status, metrics.minute_edge", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand StatsUpsert(string domain, DateTimeOffset start, string country, WindowStats s)
    {
        var command = new NpgsqlBatchCommand("""
            insert into metrics.minute_stats as m values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            on conflict (domain, window_start, country) do update set
                requests = m.requests + excluded.requests,
                bytes = m.bytes + excluded.bytes,
                time_taken_us = m.time_taken_us + excluded.time_taken_us,
                origin_requests = m.origin_requests + excluded.origin_requests,
                origin_bytes = m.origin_bytes + excluded.origin_bytes,
                origin_time_taken_us = m.origin_time_taken_us + excluded.origin_time_taken_us,
                hit_rate_requests = m.hit_rate_requests + excluded.hit_rate_requests,
                hit_requests = m.hit_requests + excluded.hit_requests,
                hit_rate_bytes = m.hit_rate_bytes + excluded.hit_rate_bytes,
                hit_bytes = m.hit_bytes + excluded.hit_bytes,
                latency_300 = m.latency_300 + excluded.latency_300,
                latency_600 = m.latency_600 + excluded.latency_600,
                latency_1000 = m.latency_1000 + excluded.latency_1000
            """);
        AddKey(command, domain, start, country);
        foreach (var value in new[]
                 {
                     s.Requests, s.Bytes, s.TimeTakenUsSum, s.OriginRequests, s.OriginBytes, s.OriginTimeTakenUsSum,
                     s.HitRateRequests, s.HitRequests, s.HitRateBytes, s.HitBytes, s.Latency300, s.Latency600, s.Latency1000,
                 })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Bigint });
        }
        return command;
    }

    private static NpgsqlBatchCommand StatusUpsert(string domain, DateTimeOffset start, string country, bool origin, int status, CountAndTime value)
    {
        var command = new NpgsqlBatchCommand("""
            insert into metrics.minute_status as m values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (domain, window_start, country, origin, status) do update set
                requests = m.requests + excluded.requests, time_taken_us = m.time_taken_us + excluded.time_taken_us
            """);
        AddKey(command, domain, start, country);
        command.Parameters.Add(new NpgsqlParameter { Value = origin });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = value.Count });
        command.Parameters.Add(new NpgsqlParameter { Value = value.TimeTakenUsSum });
        return command;
    }

    private static NpgsqlBatchCommand EdgeUpsert(string domain, DateTimeOffset start, string country, string edgeType, CountAndTime value)
    {
        var command = new NpgsqlBatchCommand("""
            insert into metrics.minute_edge as m values ($1, $2, $3, $4, $5, $6)
            on conflict (domain, window_start, country, edge_type) do update set
                requests = m.requests + excluded.requests, time_taken_us = m.time_taken_us + excluded.time_taken_us
            """);
        AddKey(command, domain, start, country);
        command.Parameters.Add(new NpgsqlParameter { Value = edgeType });
        command.Parameters.Add(new NpgsqlParameter { Value = value.Count });
        command.Parameters.Add(new NpgsqlParameter { Value = value.TimeTakenUsSum });
        return command;
    }

    private static void AddKey(NpgsqlBatchCommand command, string domain, DateTimeOffset start, string country)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = domain });
        command.Parameters.Add(new NpgsqlParameter { Value = start.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = country });
    }
}
