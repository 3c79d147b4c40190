using Npgsql;

namespace CdnPulse.EventStore;

/// <summary>
/// Applies the next batch of safe events to a projection whose checkpoint row the caller has locked, and moves the
/// checkpoint in the same transaction. Shared by the daemon and the rebuilder.
/// </summary>
internal static class ProjectionStep
{
    public static async Task<ProjectionBatchResult> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IProjection projection,
        long checkpoint, int batchSize, long maxBytes, string operation, CancellationToken cancellationToken)
    {
        var highWaterMark = await EventReader.HighWaterMarkAsync(connection, transaction, cancellationToken);
        var (events, full) = await EventReader.ReadBatchAsync(connection, transaction, checkpoint, highWaterMark, batchSize, maxBytes, cancellationToken);
        // A batch that no limit cut means everything up to the mark has been read, so the checkpoint may jump over
        // trailing holes (rolled-back positions) to the mark itself. The mark can dip below an earlier reading; never
        // move backwards.
        var next = full ? events[^1].Position : Math.Max(checkpoint, highWaterMark);
        if (events.Count > 0)
        {
            using var activity = EventStoreTelemetry.StartProjectionBatch(operation, projection.Name, events, highWaterMark);
            try
            {
                await projection.ApplyAsync(events, connection, transaction, cancellationToken);
            }
            catch (Exception ex)
            {
                EventStoreTelemetry.Failed(activity, ex);
                throw;
            }
        }
        if (next != checkpoint)
        {
            await ProjectionCheckpoints.MoveAsync(connection, transaction, projection.Name, checkpoint, next, cancellationToken);
        }
        return new ProjectionBatchResult(false, events.Count, next, Math.Max(next, highWaterMark));
    }
}
