using System.Data.Common;
using System.Text.Json;
using Npgsql;

namespace CdnPulse.Alerting.Alarms;

/// <summary>Queries of the <c>alerting.alarms</c> projection.</summary>
internal sealed class AlarmReadModel(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        alarm_name, stream_id, version, deleted, definition::text, state_value, state_reason, state_reason_data,
        state_updated_at, configuration_updated_at
        """;

    /// <summary>The alarm's row, tombstones included (a deleted alarm keeps its stream version).</summary>
    public async Task<AlarmRow?> GetAsync(string alarmName, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from alerting.alarms where alarm_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = alarmName });
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Alarms that are not deleted, of the given domains (all when null), for evaluation.</summary>
    public async Task<IReadOnlyList<AlarmRow>> ActiveAsync(IReadOnlyCollection<string>? domains, IReadOnlyCollection<string>? names, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select {Columns} from alerting.alarms
            where not deleted and (($1::text[] is null and $2::text[] is null) or domain = any($1) or alarm_name = any($2))
            order by alarm_name
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)domains?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)names?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<AlarmRow>> DescribeAsync(AlarmQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select {Columns} from alerting.alarms
            where not deleted
              and (cardinality($1::text[]) = 0 or alarm_name = any($1))
              and ($2::text is null or starts_with(alarm_name, $2))
              and ($3::text is null or state_value = $3)
              and ($4::text is null or exists (
                    select 1 from jsonb_array_elements_text((definition->'alarmActions') || (definition->'okActions') || (definition->'insufficientDataActions')) a
                    where starts_with(a, $4)))
              and ($5::text is null or alarm_name > $5)
            order by alarm_name
            limit $6
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = query.AlarmNames.ToArray() });
        command.Parameters.Add(Text(query.AlarmNamePrefix));
        command.Parameters.Add(Text(query.StateValue?.Text()));
        command.Parameters.Add(Text(query.ActionPrefix));
        command.Parameters.Add(Text(query.NextToken));
        command.Parameters.Add(new NpgsqlParameter { Value = query.MaxRecords });
        return await ReadAsync(command, cancellationToken);
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text };

    private static async Task<List<AlarmRow>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<AlarmRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Row(reader));
        }
        return rows;
    }

    private static AlarmRow Row(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetBoolean(3),
        JsonSerializer.Deserialize<AlarmDefinition>(reader.GetString(4), AlertingJson.Options)!,
        AlarmStateValues.Parse(reader.GetString(5)),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetFieldValue<DateTimeOffset>(9));
}
