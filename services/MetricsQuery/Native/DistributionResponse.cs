namespace CdnPulse.MetricsQuery.Native;

/// <summary>The answer to a download-speed metric: the bucket legend, then one series per group (most requests first).</summary>
public sealed record DistributionResponse(
    string Metric,
    string Unit,
    string Domain,
    DateTimeOffset From,
    DateTimeOffset To,
    string Interval,
    long IntervalSeconds,
    string? Country,
    string? Isp,
    string? GroupBy,
    int GroupCount,
    IReadOnlyList<SpeedBucketInfo> Buckets,
    IReadOnlyList<DistributionSeries> Series);
