using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.Alerting.Alarms;

/// <summary>Queries of the <c>alerting.alarm_history</c> projection.</summary>
internal sealed class AlarmHistoryReadModel(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<AlarmHistoryItem>> QueryAsync(AlarmHistoryQuery query, CancellationToken cancellationToken)
    {
        var order = query.Ascending ? "asc" : "desc";
        var after = query.Ascending ? ">" : "<";
        await using var command = dataSource.CreateCommand($"""
            select position, alarm_name, version, occurred_at, item_type, summary, data
            from alerting.alarm_history
            where ($1::text is null or alarm_name = $1)
              and ($2::text is null or item_type = $2)
              and ($3::timestamptz is null or occurred_at >= $3)
              and ($4::timestamptz is null or occurred_at <= $4)
              and ($5::bigint is null or position {after} $5)
            order by position {order}
            limit $6
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.AlarmName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.HistoryItemType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.StartDate?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.EndDate?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.NextToken ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = query.MaxRecords });
        var items = new List<AlarmHistoryItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new AlarmHistoryItem(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        }
        return items;
    }
}
