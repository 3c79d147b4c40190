namespace CdnPulse.Ingest.Kinesis;

/// <summary>The first and last sequence numbers of a batch announced before publishing; its batch id derives from them.</summary>
public sealed record PendingBatch(string First, string Last);
