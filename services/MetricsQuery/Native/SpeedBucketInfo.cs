namespace CdnPulse.MetricsQuery.Native;

/// <summary>A download-speed bucket: its label and its upper bound in bytes per second (null for Other, the open one).</summary>
public sealed record SpeedBucketInfo(string Name, long? UpperBoundBytesPerSecond);
