namespace CdnPulse.MetricsQuery.Native;

/// <summary>A download-speed distribution for one group (country or ISP; null without groupBy).</summary>
public sealed record DistributionSeries(string? Group, long Total, IReadOnlyList<BucketShare> Distribution, IReadOnlyList<DistributionPoint> Points);
