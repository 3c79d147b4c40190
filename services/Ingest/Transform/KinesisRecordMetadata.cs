namespace CdnPulse.Ingest.Transform;

/// <summary>Where a record came from when the delivery stream reads a Kinesis data stream (sub-sequence numbers come as numbers or strings).</summary>
public sealed record KinesisRecordMetadata(
    string? ShardId,
    string? PartitionKey,
    long? ApproximateArrivalTimestamp,
    string? SequenceNumber,
    long? SubsequenceNumber);
