using CdnPulse.Alerting.Evaluation;
using CdnPulse.Alerting.Projections;
using CdnPulse.EventStore;

namespace CdnPulse.Alerting.Alarms;

/// <summary>
/// PutMetricAlarm and DeleteAlarms as appends to the alarm's stream. The expected version comes from the alarm
/// projection; if it lags behind the stream, the append is refused and retried, so "create or update" is always
/// decided on the stream's current version. Each command waits until the projection shows its own event
/// (read-your-writes for the caller), then asks for an evaluation.
/// </summary>
internal sealed class AlarmCommands(
    EventStore.EventStore eventStore,
    AlarmReadModel alarms,
    ProjectionCheckpoints checkpoints,
    EvaluationQueue evaluations,
    TimeProvider time)
{
    private const int MaxAttempts = 40;
    private static readonly TimeSpan ProjectionWait = TimeSpan.FromSeconds(10);

    /// <summary>Creates or replaces the alarm; Created tells which.</summary>
    public async Task<(bool Created, AlarmRow Row)> PutAsync(AlarmDefinition definition, CancellationToken cancellationToken)
    {
        var streamId = AlarmStream.Id(definition.AlarmName);
        for (var attempt = 1; ; attempt++)
        {
            var row = await alarms.GetAsync(definition.AlarmName, cancellationToken);
            var exists = row is { Deleted: false };
            var now = time.GetUtcNow();
            var data = exists
                ? EventData.Create(AlarmUpdated.EventType, new AlarmUpdated(definition, now), Metadata(), AlertingJson.Options)
                : EventData.Create(AlarmCreated.EventType, new AlarmCreated(definition, now), Metadata(), AlertingJson.Options);
            if (await TryAppendAsync(streamId, row?.Version ?? 0, data, attempt, cancellationToken) is { } position)
            {
                await checkpoints.WaitAsync(AlarmsProjection.ProjectionName, position, ProjectionWait, cancellationToken);
                evaluations.Alarm(definition.AlarmName);
                return (!exists, await alarms.GetAsync(definition.AlarmName, cancellationToken)
                    ?? throw new InvalidOperationException($"Alarm '{definition.AlarmName}' is not in the projection after its append."));
            }
        }
    }

    /// <summary>Deletes the alarm; false when there is no such alarm.</summary>
    public async Task<bool> DeleteAsync(string alarmName, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await alarms.GetAsync(alarmName, cancellationToken);
            if (row is null or { Deleted: true })
            {
                return false;
            }
            var data = EventData.Create(AlarmDeleted.EventType, new AlarmDeleted(time.GetUtcNow()), Metadata(), AlertingJson.Options);
            if (await TryAppendAsync(row.StreamId, row.Version, data, attempt, cancellationToken) is { } position)
            {
                await checkpoints.WaitAsync(AlarmsProjection.ProjectionName, position, ProjectionWait, cancellationToken);
                return true;
            }
        }
    }

    private async Task<long?> TryAppendAsync(string streamId, long expectedVersion, EventData data, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            var result = await eventStore.AppendAsync(streamId, ExpectedVersion.Exact(expectedVersion), [data], cancellationToken);
            return result.LastPosition;
        }
        catch (WrongExpectedVersionException) when (attempt < MaxAttempts)
        {
            // The projection has not caught up with the stream yet (or another writer won): look again shortly.
            await Task.Delay(TimeSpan.FromMilliseconds(25 * Math.Min(attempt, 8)), time, cancellationToken);
            return null;
        }
    }

    private static EventMetadata Metadata() => EventMetadata.FromCurrentActivity(null, null);
}
