using CdnPulse.Metrics;
using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.Aggregation.Consumers;

/// <summary>
/// Adds lines refused as too late to <c>metrics.dropped_late_lines</c>, in the transaction that claims their batch,
/// so they are counted exactly once, like folded lines: late data is never lost silently.
/// </summary>
internal sealed class DroppedLineLedger
{
    public async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyDictionary<string, DroppedLines> dropped,
        CancellationToken cancellationToken)
    {
        var domains = dropped.Keys.Order(StringComparer.Ordinal).ToArray();
        await using var command = new NpgsqlCommand("""
            insert into metrics.dropped_late_lines as d (domain, lines, oldest_window, newest_window)
            select * from unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::timestamptz[])
            on conflict (domain) do update set
                lines = d.lines + excluded.lines,
                oldest_window = least(d.oldest_window, excluded.oldest_window),
                newest_window = greatest(d.newest_window, excluded.newest_window),
                last_dropped_at = now()
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = domains });
        command.Parameters.Add(new NpgsqlParameter { Value = domains.Select(d => dropped[d].Lines).ToArray() });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = domains.Select(d => DateTimeOffset.FromUnixTimeMilliseconds(dropped[d].OldestMinuteMs)).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = domains.Select(d => DateTimeOffset.FromUnixTimeMilliseconds(dropped[d].NewestMinuteMs)).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
