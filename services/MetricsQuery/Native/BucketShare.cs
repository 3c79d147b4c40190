namespace CdnPulse.MetricsQuery.Native;

/// <summary>Requests in one download-speed bucket over the range, and their share (0–1) of the series' requests.</summary>
public sealed record BucketShare(string Bucket, long Requests, decimal Share);
