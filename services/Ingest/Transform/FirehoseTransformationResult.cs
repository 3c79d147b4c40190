namespace CdnPulse.Ingest.Transform;

/// <summary>The answer Firehose expects from a transformation: one record per input record, same record ids.</summary>
public sealed record FirehoseTransformationResult(IReadOnlyList<TransformedRecord> Records);
