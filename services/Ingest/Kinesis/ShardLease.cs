namespace CdnPulse.Ingest.Kinesis;

/// <summary>
/// A shard lease this instance holds. Every write under it is conditional on <see cref="Owner"/> and
/// <see cref="Counter"/>, which changes whenever the lease changes hands.
/// </summary>
/// <param name="Stream">The Kinesis stream.</param>
/// <param name="ShardId">The leased shard.</param>
/// <param name="Owner">This instance's id.</param>
/// <param name="Counter">The lease's acquisition counter when this instance took it.</param>
/// <param name="Checkpoint">The last sequence number published (null: read from the start of the shard).</param>
/// <param name="Pending">A batch the previous holder announced but did not checkpoint: re-publish exactly it first.</param>
public sealed record ShardLease(string Stream, string ShardId, string Owner, long Counter, string? Checkpoint, PendingBatch? Pending);
