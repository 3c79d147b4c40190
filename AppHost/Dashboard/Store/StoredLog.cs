namespace CdnPulse.Dashboard.Store;

/// <summary>A structured log record of a service (OTLP logs), with its category, rendered message and trace ids.</summary>
public sealed record StoredLog(
    long Sequence,
    DateTimeOffset Time,
    string Service,
    string Severity,
    int SeverityNumber,
    string Category,
    string Message,
    IReadOnlyList<TelemetryAttribute> Attributes,
    string? TraceId,
    string? SpanId);
