namespace CdnPulse.MetricsQuery.Native;

/// <summary>
/// One series: Group is the country, status, edge type or ISP it is for (null without groupBy); Total is the metric
/// over the whole range (a sum for counts, the exact rate for rates and percentiles, not a mean of the points).
/// </summary>
public sealed record MetricSeries(string? Group, decimal? Total, IReadOnlyList<SeriesPoint> Points);
