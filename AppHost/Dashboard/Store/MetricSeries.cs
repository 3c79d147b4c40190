namespace CdnPulse.Dashboard.Store;

/// <summary>A snapshot of one time series: its identity and its recent points, oldest first.</summary>
public sealed record MetricSeries(
    string Service,
    string Name,
    string Unit,
    string Description,
    MetricKind Kind,
    bool IsMonotonic,
    bool IsCumulative,
    IReadOnlyList<TelemetryAttribute> Attributes,
    IReadOnlyList<MetricPoint> Points)
{
    public string? Attribute(string key) => Attributes.FirstOrDefault(a => a.Key == key)?.Value;
}
