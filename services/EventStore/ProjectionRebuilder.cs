using System.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CdnPulse.EventStore;

/// <summary>
/// Rebuilds a projection from the events: under its checkpoint row lock, clear its tables and reset the checkpoint
/// to 0 (one transaction), then replay every event in batches, one transaction per batch. Cancelling leaves a
/// consistent, partly replayed projection; running the rebuild again starts over by clearing it.
/// </summary>
public sealed class ProjectionRebuilder(NpgsqlDataSource dataSource, EventStore eventStore, ILogger<ProjectionRebuilder>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ProjectionRebuilder>.Instance;

    /// <summary>Most events replayed per transaction.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Most stored event bytes replayed per transaction (as <see cref="ProjectionDaemonOptions.MaxBatchBytes"/>).</summary>
    public long MaxBatchBytes { get; init; } = ProjectionDaemonOptions.DefaultMaxBatchBytes;

    /// <summary>Clears <paramref name="projection"/> and replays every event into it; <paramref name="progress"/> receives the checkpoint after each committed batch (0 once cleared).</summary>
    public async Task RebuildAsync(IProjection projection, CancellationToken cancellationToken, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBatchBytes);
        using var activity = EventStoreTelemetry.Source.StartActivity("eventstore.projection.rebuild");
        activity?.SetTag(EventStoreTelemetry.ProjectionTag, projection.Name);
        try
        {
            EventStoreLog.RebuildStarted(_logger, projection.Name, await eventStore.GetHighWaterMarkAsync(cancellationToken));
            await ProjectionCheckpoints.EnsureAsync(dataSource, projection.Name, cancellationToken);
            await InLockedCheckpointAsync(projection, async (connection, transaction, checkpoint) =>
            {
                await projection.ClearAsync(connection, transaction, cancellationToken);
                if (checkpoint != 0)
                {
                    await ProjectionCheckpoints.MoveAsync(connection, transaction, projection.Name, checkpoint, 0, cancellationToken);
                }
                return 0;
            }, cancellationToken);
            progress?.Report(0);

            long replayed = 0;
            ProjectionBatchResult step;
            do
            {
                // Each batch takes the row lock afresh, so a live daemon may apply some of the batches in between; the
                // conditional checkpoint keeps every event applied once either way.
                step = await InLockedCheckpointAsync(projection, (connection, transaction, checkpoint) => ProjectionStep.RunAsync(
                    connection, transaction, projection, checkpoint, BatchSize, MaxBatchBytes, "eventstore.projection.rebuild_batch", cancellationToken), cancellationToken);
                replayed += step.EventCount;
                progress?.Report(step.Checkpoint);
            }
            while (!step.CaughtUp);
            activity?.SetTag(EventStoreTelemetry.EventCountTag, replayed);
            activity?.SetTag(EventStoreTelemetry.LastPositionTag, step.Checkpoint);
            EventStoreLog.RebuildFinished(_logger, projection.Name, replayed, step.Checkpoint);
        }
        catch (Exception ex)
        {
            EventStoreTelemetry.Failed(activity, ex);
            throw;
        }
    }

    private async Task<T> InLockedCheckpointAsync<T>(IProjection projection, Func<NpgsqlConnection, NpgsqlTransaction, long, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        // Waits (no skip locked) for a daemon's batch in progress to commit.
        var checkpoint = await ProjectionCheckpoints.LockAsync(connection, transaction, projection.Name, skipLocked: false, cancellationToken)
            ?? throw new InvalidOperationException($"The checkpoint row of projection '{projection.Name}' disappeared during the rebuild.");
        var result = await work(connection, transaction, checkpoint);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
