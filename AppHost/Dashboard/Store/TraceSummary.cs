namespace CdnPulse.Dashboard.Store;

/// <summary>One row of the trace list: the root (or earliest) span's name and service, overall duration, size and errors.</summary>
public sealed record TraceSummary(
    string TraceId,
    string Name,
    string RootService,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    int ErrorCount,
    IReadOnlyList<string> Services);
