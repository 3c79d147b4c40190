namespace CdnPulse.Kinesis.Wire;

internal sealed record GetShardIteratorRequest(
    string StreamName,
    string ShardId,
    string ShardIteratorType,
    string? StartingSequenceNumber,
    DateTimeOffset? Timestamp);
