using System.Text.Json;
using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Evaluation;
using CdnPulse.Contracts;
using CdnPulse.EventStore;
using Npgsql;

namespace CdnPulse.Alerting.Notifications;

/// <summary>
/// Records a state change in one transaction: the <c>alarm-state-changed</c> event (expecting the version the
/// evaluation read, so a concurrent update or another instance's evaluation wins cleanly), the AlarmStateChanged
/// message in the bus outbox, and one webhook delivery per target. Nothing is sent here: the outbox workers do that
/// after the commit, so a slow receiver never holds up evaluation, and a crash never loses a notification.
/// </summary>
internal sealed class StateChangeRecorder(
    NpgsqlDataSource dataSource,
    EventStore.EventStore eventStore,
    BusOutboxSignal busSignal,
    DeliveryOutboxSignal deliverySignal,
    ILogger<StateChangeRecorder> logger)
{
    /// <summary>False when the alarm moved on (another version) since it was read; nothing was recorded then.</summary>
    public async Task<bool> RecordAsync(AlarmRow alarm, AlarmStateValue newState, StateReason reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var change = new AlarmStateChange(alarm.State, newState, reason.Text, reason.Data, at);
        var data = EventData.Create(AlarmStateChange.EventType, change, EventMetadata.FromCurrentActivity(null, null), AlertingJson.Options);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        AppendResult result;
        try
        {
            result = await eventStore.AppendAsync(connection, transaction, alarm.StreamId, ExpectedVersion.Exact(alarm.Version), [data], cancellationToken);
        }
        catch (WrongExpectedVersionException)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        var version = result.NextExpectedVersion;
        var definition = alarm.Definition;
        var message = new AlarmStateChanged(alarm.AlarmName, AlarmStream.IdempotencyKey(alarm.StreamId, version), version,
            change.OldState.Text(), change.NewState.Text(), change.Reason, at, definition.MetricName,
            definition.Dimensions.ToDictionary(d => d.Name, d => d.Value));

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(AlertingSql.Command("""
            insert into alerting.bus_outbox (stream_id, version, message, created_at) values ($1, $2, $3, $4)
            """, alarm.StreamId, version, JsonSerializer.Serialize(message, AlertingJson.Options), at));
        var targets = definition.ActionsEnabled ? definition.ActionsFor(newState) : [];
        if (targets.Count > 0)
        {
            var payload = AlarmNotification.Build(definition, alarm.ConfigurationUpdatedAt, change);
            foreach (var target in targets)
            {
                batch.BatchCommands.Add(AlertingSql.Command("""
                    insert into alerting.deliveries (stream_id, version, alarm_name, target, new_state, payload, status, attempts, next_attempt_at, created_at)
                    values ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $7)
                    """, alarm.StreamId, version, alarm.AlarmName, target, newState.Text(), payload, at));
            }
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        AlertingLog.StateChanged(logger, alarm.AlarmName, change.OldState.Text(), change.NewState.Text(), version, targets.Count, change.Reason);
        busSignal.Signal();
        if (targets.Count > 0)
        {
            deliverySignal.Signal();
        }
        return true;
    }
}
