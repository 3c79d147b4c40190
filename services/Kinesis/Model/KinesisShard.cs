namespace CdnPulse.Kinesis.Model;

/// <summary>One shard as ListShards reports it, with the parents it was split or merged from.</summary>
public sealed record KinesisShard(
    string ShardId,
    string? ParentShardId,
    string? AdjacentParentShardId,
    HashKeyRange HashKeyRange,
    SequenceNumberRange SequenceNumberRange)
{
    /// <summary>A closed shard takes no new records; once read to its end, GetRecords returns no next iterator.</summary>
    public bool IsClosed => SequenceNumberRange.EndingSequenceNumber is not null;
}
