namespace CdnPulse.Dashboard.Store;

/// <summary>An explicit-bucket histogram point: <see cref="BucketCounts"/> has one more entry than <see cref="Bounds"/> (the overflow bucket).</summary>
public sealed record HistogramValue(long Count, double Sum, IReadOnlyList<double> Bounds, IReadOnlyList<long> BucketCounts);
