namespace CdnPulse.Ingest.Kinesis;

/// <summary>The last published sequence number of a shard, and whether the (closed) shard has been read to its end.</summary>
public sealed record ShardCheckpoint(string? SequenceNumber, bool Finished);
