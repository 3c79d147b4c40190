namespace CdnPulse.EventStore;

/// <summary>
/// One step of a projection: <see cref="Busy"/> when another instance holds the projection (nothing was done),
/// otherwise how many events were applied and where the checkpoint now stands against the high-water mark.
/// </summary>
public readonly record struct ProjectionBatchResult(bool Busy, int EventCount, long Checkpoint, long HighWaterMark)
{
    /// <summary>Nothing safe is left to apply: wait for the next append.</summary>
    public bool CaughtUp => !Busy && Checkpoint >= HighWaterMark;
}
