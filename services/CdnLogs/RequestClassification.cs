using Band = CdnPulse.CdnLogs.LatencyBand;
using Bucket = CdnPulse.CdnLogs.DownloadSpeedBucket;

namespace CdnPulse.CdnLogs;

/// <summary>
/// The per-request predicates behind CdnPulse's metrics, as the CloudFront Extensions solution defines them
/// (reference §3.2, §3.3 and §3.5). Comparisons are ordinal and case-sensitive, as in the original Athena SQL.
/// A null result type (the line had <c>-</c>, or the format lacks the field) is never a hit and never excluded.
/// </summary>
public static class RequestClassification
{
    private const double K = 1024;

    /// <summary>
    /// ORIGIN: the request went to the origin — detailed result type "Miss", or any type containing "Origin"
    /// (origin errors included) except "OriginShieldHit".
    /// </summary>
    public static bool WentToOrigin(string? detailedResultType) =>
        detailedResultType == "Miss"
        || (detailedResultType is not null
            && detailedResultType.Contains("Origin", StringComparison.Ordinal)
            && detailedResultType != "OriginShieldHit");

    /// <summary>HIT: the response result type ends with "Hit" (Hit, RefreshHit).</summary>
    public static bool IsHit(string? responseResultType) =>
        responseResultType?.EndsWith("Hit", StringComparison.Ordinal) == true;

    /// <summary>CHR_BASE: the request counts for the cache hit rates unless it was refused for quota or capacity.</summary>
    public static bool CountsForHitRate(string? responseResultType) =>
        responseResultType is not ("LimitExceeded" or "CapacityExceeded");

    /// <summary>Rows of the CDN download-speed metric: not LimitExceeded, CapacityExceeded, Error or Redirect.</summary>
    public static bool CountsForDownloadSpeed(string? responseResultType) =>
        responseResultType is not ("LimitExceeded" or "CapacityExceeded" or "Error" or "Redirect");

    /// <summary>Rows of the origin download-speed metric: response result type "Miss".</summary>
    public static bool CountsForOriginDownloadSpeed(string? responseResultType) => responseResultType == "Miss";

    /// <summary>sc-bytes / time-taken in bytes per second; positive infinity when time-taken is 0.</summary>
    public static double DownloadSpeedBytesPerSecond(long bytes, double timeTakenMs) =>
        timeTakenMs > 0 ? bytes * 1000.0 / timeTakenMs : double.PositiveInfinity;

    /// <summary>The bucket of a speed in bytes per second; infinity and NaN fall in <see cref="Bucket.Other"/>.</summary>
    public static Bucket DownloadSpeedBucket(double bytesPerSecond) => bytesPerSecond switch
    {
        < 250 * K => Bucket.Under250K,
        < 500 * K => Bucket.Under500K,
        < 750 * K => Bucket.Under750K,
        < 1024 * K => Bucket.Under1M,
        < 2048 * K => Bucket.Under2M,
        < 3072 * K => Bucket.Under3M,
        < 4096 * K => Bucket.Under4M,
        _ => Bucket.Other,
    };

    /// <summary>The bucket of a request's download speed.</summary>
    public static Bucket DownloadSpeedBucket(long bytes, double timeTakenMs) =>
        DownloadSpeedBucket(DownloadSpeedBytesPerSecond(bytes, timeTakenMs));

    /// <summary>The label stored for a bucket: 250K, 500K, 750K, 1M, 2M, 3M, 4M or Other.</summary>
    public static string DownloadSpeedLabel(Bucket bucket) => bucket switch
    {
        Bucket.Under250K => "250K",
        Bucket.Under500K => "500K",
        Bucket.Under750K => "750K",
        Bucket.Under1M => "1M",
        Bucket.Under2M => "2M",
        Bucket.Under3M => "3M",
        Bucket.Under4M => "4M",
        Bucket.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Not a download-speed bucket."),
    };

    /// <summary>The latency band of a request's time-taken (thresholds 0.3, 0.6 and 1.0 s, lower bound inclusive).</summary>
    public static Band LatencyBand(double timeTakenMs) => timeTakenMs switch
    {
        < 300 => Band.Under300,
        < 600 => Band.From300To600,
        < 1000 => Band.From600To1000,
        _ => Band.AtLeast1000,
    };
}
