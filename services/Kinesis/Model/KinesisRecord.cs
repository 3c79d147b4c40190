namespace CdnPulse.Kinesis.Model;

/// <summary>One data record read from a shard; <see cref="Data"/> is the decoded blob (base64 on the wire).</summary>
public sealed record KinesisRecord(
    string SequenceNumber,
    string PartitionKey,
    ReadOnlyMemory<byte> Data,
    DateTimeOffset? ApproximateArrivalTimestamp,
    string? EncryptionType = null);
