namespace CdnPulse.Ingest.Transform;

/// <summary>Metadata for Firehose dynamic partitioning (<c>!{partitionKeyFromLambda:year}</c> …).</summary>
public sealed record TransformMetadata(PartitionKeys PartitionKeys);
