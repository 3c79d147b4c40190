namespace CdnPulse.Ingest.Apis;

/// <summary>The body Firehose POSTs to an HTTP endpoint destination (protocol version 1.0).</summary>
public sealed record FirehoseRequest(string? RequestId, long Timestamp, IReadOnlyList<FirehoseRecord>? Records);

/// <summary>One Firehose record: base64 of the source record (here one or more real-time log lines).</summary>
public sealed record FirehoseRecord(string? Data);
