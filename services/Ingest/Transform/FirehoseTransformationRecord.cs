namespace CdnPulse.Ingest.Transform;

/// <summary>One record to transform; <see cref="Data"/> is base64. Kinesis metadata is present when the source is a Kinesis stream.</summary>
public sealed record FirehoseTransformationRecord(
    string? RecordId,
    long? ApproximateArrivalTimestamp,
    string? Data,
    KinesisRecordMetadata? KinesisRecordMetadata);
