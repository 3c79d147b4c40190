namespace CdnPulse.Kinesis.Model;

/// <summary>A shard that continues a closed one, reported by GetRecords when the end of the closed shard is reached.</summary>
public sealed record ChildShard(string ShardId, IReadOnlyList<string> ParentShards, HashKeyRange HashKeyRange);
