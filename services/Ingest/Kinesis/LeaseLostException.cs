namespace CdnPulse.Ingest.Kinesis;

/// <summary>A conditional write found the lease held by another owner (or another acquisition): this reader must stop.</summary>
public sealed class LeaseLostException(string shardId) : Exception($"The lease on shard {shardId} is held by another instance now.")
{
    public string ShardId { get; } = shardId;
}
