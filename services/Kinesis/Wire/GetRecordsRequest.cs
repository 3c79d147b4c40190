namespace CdnPulse.Kinesis.Wire;

internal sealed record GetRecordsRequest(string ShardIterator, int? Limit);
