namespace CdnPulse.Kinesis.Wire;

internal sealed record CreateStreamRequest(string StreamName, int ShardCount);
