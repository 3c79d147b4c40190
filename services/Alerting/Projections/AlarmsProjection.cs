using CdnPulse.Alerting.Alarms;
using CdnPulse.EventStore;
using Npgsql;

namespace CdnPulse.Alerting.Projections;

/// <summary>
/// Projects alarm streams into <c>alerting.alarms</c>: the current configuration, state and version of each alarm
/// (DescribeAlarms, and what evaluation reads). A deleted alarm stays as a tombstone that keeps its version, so a
/// re-creation appends with the right expected version. Only event data is used (no clock), so a rebuild is identical.
/// </summary>
internal sealed class AlarmsProjection : IProjection
{
    public const string ProjectionName = "alerting-alarms";

    public string Name => ProjectionName;

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var recorded in events)
        {
            if (!AlarmStream.IsAlarmStream(recorded.StreamId) || Command(recorded) is not { } command)
            {
                continue;
            }
            batch.BatchCommands.Add(command);
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task ClearAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("truncate alerting.alarms", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand? Command(RecordedEvent recorded)
    {
        var name = AlarmStream.AlarmName(recorded.StreamId);
        switch (recorded.Type)
        {
            case AlarmCreated.EventType:
                var created = recorded.Deserialize<AlarmCreated>(AlertingJson.Options);
                return AlertingSql.Command("""
                    insert into alerting.alarms (alarm_name, stream_id, version, deleted, domain, definition, state_value, state_reason,
                                                 state_reason_data, state_updated_at, configuration_updated_at)
                    values ($1, $2, $3, false, $4, $5::jsonb, $6, $7, null, $8, $8)
                    on conflict (alarm_name) do update set
                        stream_id = excluded.stream_id, version = excluded.version, deleted = false, domain = excluded.domain,
                        definition = excluded.definition, state_value = excluded.state_value, state_reason = excluded.state_reason,
                        state_reason_data = null, state_updated_at = excluded.state_updated_at,
                        configuration_updated_at = excluded.configuration_updated_at
                    """, name, recorded.StreamId, recorded.Version, created.Definition.Domain, Json(created.Definition),
                    AlarmStateValue.InsufficientData.Text(), AlarmCreated.InitialReason, created.At);
            case AlarmUpdated.EventType:
                var updated = recorded.Deserialize<AlarmUpdated>(AlertingJson.Options);
                return AlertingSql.Command("""
                    update alerting.alarms set version = $2, domain = $3, definition = $4::jsonb, configuration_updated_at = $5
                    where alarm_name = $1
                    """, name, recorded.Version, updated.Definition.Domain, Json(updated.Definition), updated.At);
            case AlarmStateChange.EventType:
                var change = recorded.Deserialize<AlarmStateChange>(AlertingJson.Options);
                return AlertingSql.Command("""
                    update alerting.alarms set version = $2, state_value = $3, state_reason = $4, state_reason_data = $5, state_updated_at = $6
                    where alarm_name = $1
                    """, name, recorded.Version, change.NewState.Text(), change.Reason, change.ReasonData, change.At);
            case AlarmDeleted.EventType:
                return AlertingSql.Command("update alerting.alarms set version = $2, deleted = true where alarm_name = $1", name, recorded.Version);
            default:
                return null;
        }
    }

    private static string Json(AlarmDefinition definition) => System.Text.Json.JsonSerializer.Serialize(definition, AlertingJson.Options);
}
