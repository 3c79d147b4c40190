namespace CdnPulse.Kinesis.Wire;

internal sealed record SplitShardRequest(string StreamName, string ShardToSplit, string NewStartingHashKey);
