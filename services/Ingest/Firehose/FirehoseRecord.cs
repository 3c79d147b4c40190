namespace CdnPulse.Ingest.Firehose;

/// <summary>One Firehose record: base64 of the source record (here one or more real-time log lines); empty records are allowed.</summary>
public sealed record FirehoseRecord(string? Data);
