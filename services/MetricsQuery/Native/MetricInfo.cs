namespace CdnPulse.MetricsQuery.Native;

/// <summary>A catalogue entry: the metric's name, unit, kind (series, topUrls, distribution), definition and groupings.</summary>
public sealed record MetricInfo(string Name, string Unit, string Kind, string Description, IReadOnlyList<string> GroupBy, string Path);
