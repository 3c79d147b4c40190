namespace CdnPulse.Kinesis.Model;

/// <summary>The outcome of one PutRecords entry: a shard and sequence number, or an error code such as ProvisionedThroughputExceededException.</summary>
public sealed record PutRecordsResultEntry(string? ShardId, string? SequenceNumber, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => ErrorCode is null;
}
