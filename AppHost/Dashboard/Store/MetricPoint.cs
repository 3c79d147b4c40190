namespace CdnPulse.Dashboard.Store;

/// <summary>
/// One data point: a gauge's value, a sum's (cumulative or delta) total, or a histogram's count and buckets with
/// <see cref="Value"/> = its sum. <see cref="StartTime"/> changes when a cumulative series restarts (a process restart).
/// </summary>
public sealed record MetricPoint(DateTimeOffset Time, DateTimeOffset StartTime, double Value, HistogramValue? Histogram = null);
