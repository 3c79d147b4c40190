using System.Text.Json;
using System.Text.Json.Nodes;
using CdnPulse.Alerting.Alarms;
using CdnPulse.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.Alerting.Projections;

/// <summary>
/// Projects every alarm event into <c>alerting.alarm_history</c> (DescribeAlarmHistory): ConfigurationUpdate items for
/// created, updated and deleted, StateUpdate items for state changes, with CloudWatch's summaries and history data.
/// Keyed by the event's position, so a replay inserts nothing twice.
/// </summary>
internal sealed class AlarmHistoryProjection : IProjection
{
    public const string ProjectionName = "alerting-alarm-history";

    public const string ConfigurationUpdate = "ConfigurationUpdate";
    public const string StateUpdate = "StateUpdate";

    public string Name => ProjectionName;

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var recorded in events)
        {
            if (AlarmStream.IsAlarmStream(recorded.StreamId) && Item(recorded) is { } item)
            {
                batch.BatchCommands.Add(Insert(recorded, item));
            }
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task ClearAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("truncate alerting.alarm_history", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static (DateTimeOffset At, string Type, string Summary, JsonObject Data)? Item(RecordedEvent recorded)
    {
        var name = AlarmStream.AlarmName(recorded.StreamId);
        switch (recorded.Type)
        {
            case AlarmCreated.EventType:
                var created = recorded.Deserialize<AlarmCreated>(AlertingJson.Options);
                return (created.At, ConfigurationUpdate, $"Alarm \"{name}\" created",
                    new JsonObject { ["version"] = "1.0", ["type"] = "Create", ["createdAlarm"] = Definition(created.Definition) });
            case AlarmUpdated.EventType:
                var updated = recorded.Deserialize<AlarmUpdated>(AlertingJson.Options);
                return (updated.At, ConfigurationUpdate, $"Alarm \"{name}\" updated",
                    new JsonObject { ["version"] = "1.0", ["type"] = "Update", ["updatedAlarm"] = Definition(updated.Definition) });
            case AlarmStateChange.EventType:
                var change = recorded.Deserialize<AlarmStateChange>(AlertingJson.Options);
                return (change.At, StateUpdate, $"Alarm updated from {change.OldState.Text()} to {change.NewState.Text()}", new JsonObject
                {
                    ["version"] = "1.0",
                    ["oldState"] = new JsonObject { ["stateValue"] = change.OldState.Text() },
                    ["newState"] = new JsonObject
                    {
                        ["stateValue"] = change.NewState.Text(),
                        ["stateReason"] = change.Reason,
                        ["stateReasonData"] = JsonNode.Parse(change.ReasonData),
                    },
                });
            case AlarmDeleted.EventType:
                var deleted = recorded.Deserialize<AlarmDeleted>(AlertingJson.Options);
                return (deleted.At, ConfigurationUpdate, $"Alarm \"{name}\" deleted",
                    new JsonObject { ["version"] = "1.0", ["type"] = "Delete", ["deletedAlarm"] = new JsonObject { ["alarmName"] = name } });
            default:
                return null;
        }
    }

    private static JsonNode? Definition(AlarmDefinition definition) => JsonSerializer.SerializeToNode(definition, AlertingJson.Options);

    private static NpgsqlBatchCommand Insert(RecordedEvent recorded, (DateTimeOffset At, string Type, string Summary, JsonObject Data) item) =>
        new("""
            insert into alerting.alarm_history (position, alarm_name, version, occurred_at, item_type, summary, data)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (position) do nothing
            """)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = recorded.Position },
                new NpgsqlParameter { Value = AlarmStream.AlarmName(recorded.StreamId) },
                new NpgsqlParameter { Value = recorded.Version },
                new NpgsqlParameter { Value = item.At.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = item.Type },
                new NpgsqlParameter { Value = item.Summary },
                new NpgsqlParameter { Value = item.Data.ToJsonString() },
            },
        };
}
