namespace CdnPulse.Kinesis.Model;

/// <summary>UpdateShardCount's answer; the stream is UPDATING until the new shard count is in place.</summary>
public sealed record UpdateShardCountResult(string StreamName, int CurrentShardCount, int TargetShardCount);
