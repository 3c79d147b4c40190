namespace CdnPulse.MetricsQuery.Native;

/// <summary>The answer to a series metric: its unit, the range actually used, and one series per group (largest first).</summary>
public sealed record SeriesResponse(
    string Metric,
    string Unit,
    string Domain,
    DateTimeOffset From,
    DateTimeOffset To,
    string Interval,
    long IntervalSeconds,
    string? Country,
    string? GroupBy,
    int GroupCount,
    IReadOnlyList<MetricSeries> Series);
