namespace CdnPulse.Kinesis.Wire;

internal sealed record GetShardIteratorResponse(string ShardIterator);
