namespace CdnPulse.Ingest.Publishing;

/// <summary>A sample of a rejected line: which batch, which line, why, and its first characters.</summary>
public sealed record RejectedLine(string BatchId, int LineNumber, string Reason, string Text, DateTimeOffset At);
