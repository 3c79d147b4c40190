namespace CdnPulse.Kinesis.Model;

/// <summary>A page of records. A null <see cref="NextShardIterator"/> means the shard is closed and fully read; continue with <see cref="ChildShards"/>.</summary>
public sealed record GetRecordsResult
{
    public IReadOnlyList<KinesisRecord> Records { get; init; } = [];

    public string? NextShardIterator { get; init; }

    public long? MillisBehindLatest { get; init; }

    public IReadOnlyList<ChildShard> ChildShards { get; init; } = [];
}
