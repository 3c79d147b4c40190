namespace CdnPulse.Ingest.Firehose;

/// <summary>The body Firehose POSTs to an HTTP endpoint destination (protocol version 1.0).</summary>
public sealed record FirehoseRequest(string? RequestId, long Timestamp, IReadOnlyList<FirehoseRecord>? Records);
