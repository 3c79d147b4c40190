namespace CdnPulse.CdnLogs;

/// <summary>A rejected line kept for inspection.</summary>
/// <param name="LineNumber">1-based line number within the parsed body.</param>
/// <param name="Reason">Why the line was rejected.</param>
/// <param name="Text">The line's first characters, with control characters replaced so it is safe to log.</param>
public sealed record RejectSample(int LineNumber, LineRejectReason Reason, string Text);
