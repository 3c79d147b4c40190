namespace CdnPulse.Ingest.Transform;

/// <summary>What Firehose passes to a data-transformation Lambda function (and what <c>POST /firehose/transform</c> takes).</summary>
public sealed record FirehoseTransformationEvent(
    string? InvocationId,
    string? DeliveryStreamArn,
    string? SourceKinesisStreamArn,
    string? Region,
    IReadOnlyList<FirehoseTransformationRecord>? Records);
