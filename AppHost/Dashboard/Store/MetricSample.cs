namespace CdnPulse.Dashboard.Store;

/// <summary>A data point with the identity of its series: service, instrument name and attribute set.</summary>
public sealed record MetricSample(
    string Service,
    string Name,
    string Unit,
    string Description,
    MetricKind Kind,
    bool IsMonotonic,
    bool IsCumulative,
    IReadOnlyList<TelemetryAttribute> Attributes,
    MetricPoint Point);
