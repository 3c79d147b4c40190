namespace CdnPulse.Dashboard.Store;

/// <summary>A finished span as received over OTLP; ids are lowercase hex, <see cref="ParentSpanId"/> is null for a root.</summary>
public sealed record StoredSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Service,
    string Scope,
    string Name,
    string Kind,
    DateTimeOffset Start,
    double DurationMs,
    SpanStatus Status,
    string? StatusMessage,
    IReadOnlyList<TelemetryAttribute> Attributes,
    IReadOnlyList<SpanEvent> Events,
    IReadOnlyList<SpanLink> Links)
{
    public bool IsError => Status == SpanStatus.Error;

    public string? Attribute(string key) => Attributes.FirstOrDefault(a => a.Key == key)?.Value;
}
