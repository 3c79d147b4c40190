namespace CdnPulse.Dashboard.Store;

/// <summary>An attribute of a span, log record or data point, its value rendered as text.</summary>
public sealed record TelemetryAttribute(string Key, string Value);
