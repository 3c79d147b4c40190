using CdnPulse.CdnLogs;

namespace CdnPulse.Metrics;

/// <summary>
/// Every metric of docs/metrics.md as a number, computed from summed window statistics in decimal arithmetic, so a
/// value is exact before its one rounding (half away from zero) in <see cref="MetricText"/>. An empty base gives 0.
/// </summary>
public static class MetricFormulas
{
    /// <summary>Mean time-taken in milliseconds from a sum in microseconds.</summary>
    public static decimal MeanMilliseconds(long microsecondsSum, long count) =>
        count == 0 ? 0m : (decimal)microsecondsSum / 1000m / count;

    /// <summary>100 × part / whole.</summary>
    public static decimal Percent(long part, long whole) => whole == 0 ? 0m : 100m * part / whole;

    /// <summary>Average bits per second over the interval.</summary>
    public static decimal BitsPerSecond(long bytes, TimeSpan interval) => bytes * 8m / (decimal)interval.TotalSeconds;

    /// <summary>Cache hit rate by requests (%).</summary>
    public static decimal HitRate(WindowStats s) => Percent(s.HitRequests, s.HitRateRequests);

    /// <summary>Cache hit rate by bytes (%), exactly byte-weighted.</summary>
    public static decimal ByteHitRate(WindowStats s) => Percent(s.HitBytes, s.HitRateBytes);

    /// <summary>Requests answered with a status of class <paramref name="statusClass"/> (4 for 4xx, 5 for 5xx).</summary>
    public static long StatusClassCount(WindowStats s, int statusClass) =>
        s.StatusCodes.Where(kv => kv.Key / 100 == statusClass).Sum(kv => kv.Value.Count);

    /// <summary>Share of all requests answered with a 4xx (4) or 5xx (5) status, in %.</summary>
    public static decimal ErrorRate(WindowStats s, int statusClass) => Percent(StatusClassCount(s, statusClass), s.Requests);

    /// <summary>The nearest-rank percentile of a histogram in milliseconds (bucket midpoint); 0 when it is empty.</summary>
    public static decimal PercentileMilliseconds(LatencyHistogram histogram, int percent) =>
        histogram.Percentile(percent) is { } microseconds ? (decimal)microseconds / 1000m : 0m;

    /// <summary>Share (0–1) of a country × ISP's requests in <paramref name="bucket"/>.</summary>
    public static decimal Share(DownloadSpeedCounts counts, DownloadSpeedBucket bucket) =>
        counts.Total == 0 ? 0m : (decimal)counts[bucket] / counts.Total;
}
