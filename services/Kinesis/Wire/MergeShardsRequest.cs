namespace CdnPulse.Kinesis.Wire;

internal sealed record MergeShardsRequest(string StreamName, string ShardToMerge, string AdjacentShardToMerge);
