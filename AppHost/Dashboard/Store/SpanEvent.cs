namespace CdnPulse.Dashboard.Store;

/// <summary>A time-stamped annotation of a span (an exception, for instance).</summary>
public sealed record SpanEvent(DateTimeOffset Time, string Name, IReadOnlyList<TelemetryAttribute> Attributes);
