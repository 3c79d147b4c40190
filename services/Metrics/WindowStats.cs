using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.Metrics;

/// <summary>
/// The mergeable partial of one metric window for one domain × country: only sums and counts, so any number of
/// contributions (from any number of Aggregation instances, in any order, late or not) add up to exact totals.
/// The URL summary is the one bounded part: exact while Aggregation folds, truncated to its heavy hitters before
/// it is appended (<see cref="UrlSummary"/> states the error bound).
/// </summary>
public sealed class WindowStats
{
    /// <summary>The ISP name used when enrichment found none (as for countries).</summary>
    public const string UnknownIsp = "NotFound";

    public long Requests { get; set; }

    public long Bytes { get; set; }

    public long TimeTakenUsSum { get; set; }

    public long OriginRequests { get; set; }

    public long OriginBytes { get; set; }

    public long OriginTimeTakenUsSum { get; set; }

    /// <summary>Requests that count for the cache hit rate (not LimitExceeded/CapacityExceeded).</summary>
    public long HitRateRequests { get; set; }

    public long HitRequests { get; set; }

    public long HitRateBytes { get; set; }

    public long HitBytes { get; set; }

    /// <summary>Requests with time-taken in [0.3 s, 0.6 s), [0.6 s, 1 s) and ≥ 1 s.</summary>
    public long Latency300 { get; set; }

    public long Latency600 { get; set; }

    public long Latency1000 { get; set; }

    public Dictionary<int, CountAndTime> StatusCodes { get; set; } = [];

    public Dictionary<int, CountAndTime> StatusCodesOrigin { get; set; } = [];

    public Dictionary<string, CountAndTime> EdgeTypes { get; set; } = [];

    /// <summary>Distribution of time-taken (µs) over all requests.</summary>
    public LatencyHistogram TimeTakenHistogram { get; set; } = new();

    /// <summary>Distribution of time-to-first-byte (µs) over the requests whose log line carries it.</summary>
    public LatencyHistogram FirstByteHistogram { get; set; } = new();

    /// <summary>Requests and bytes per URL path (heavy hitters once truncated).</summary>
    public UrlSummary Urls { get; set; } = new();

    /// <summary>Download-speed buckets per ISP of the requests that count for the CDN download speed.</summary>
    public Dictionary<string, DownloadSpeedCounts> DownloadSpeed { get; set; } = [];

    /// <summary>The same for the origin download speed (response result type Miss).</summary>
    public Dictionary<string, DownloadSpeedCounts> DownloadSpeedOrigin { get; set; } = [];

    public void Add(CdnRequest request)
    {
        var timeTakenUs = CountAndTime.Microseconds(request.TimeTakenMs);
        Requests++;
        Bytes += request.BytesSent;
        TimeTakenUsSum += timeTakenUs;
        Get(StatusCodes, request.Status).Add(timeTakenUs);
        Get(EdgeTypes, request.EdgeResponseResultType ?? "-").Add(timeTakenUs);
        TimeTakenHistogram.Add(timeTakenUs);
        if (request.TimeToFirstByteMs is { } firstByteMs)
        {
            FirstByteHistogram.Add(CountAndTime.Microseconds(firstByteMs));
        }
        Urls.Add(request.UriStem, request.BytesSent);
        if (RequestClassification.CountsForDownloadSpeed(request.EdgeResponseResultType))
        {
            Speed(DownloadSpeed, request.Isp).Add(RequestClassification.DownloadSpeedBucket(request.BytesSent, request.TimeTakenMs));
        }
        if (RequestClassification.CountsForOriginDownloadSpeed(request.EdgeResponseResultType))
        {
            Speed(DownloadSpeedOrigin, request.Isp).Add(RequestClassification.DownloadSpeedBucket(request.BytesSent, request.TimeTakenMs));
        }

        if (RequestClassification.WentToOrigin(request.EdgeDetailedResultType))
        {
            OriginRequests++;
            OriginBytes += request.BytesSent;
            OriginTimeTakenUsSum += timeTakenUs;
            Get(StatusCodesOrigin, request.Status).Add(timeTakenUs);
        }
        if (RequestClassification.CountsForHitRate(request.EdgeResponseResultType))
        {
            HitRateRequests++;
            HitRateBytes += request.BytesSent;
            if (RequestClassification.IsHit(request.EdgeResponseResultType))
            {
                HitRequests++;
                HitBytes += request.BytesSent;
            }
        }
        switch (RequestClassification.LatencyBand(request.TimeTakenMs))
        {
            case LatencyBand.From300To600: Latency300++; break;
            case LatencyBand.From600To1000: Latency600++; break;
            case LatencyBand.AtLeast1000: Latency1000++; break;
        }
    }

    public void Merge(WindowStats other) => Merge(other, includeHistograms: true);

    /// <summary>
    /// Adds <paramref name="other"/>; without <paramref name="includeHistograms"/> the two latency histograms are left
    /// alone (a query that reports no percentile need not pay for adding hundreds of buckets per minute).
    /// </summary>
    public void Merge(WindowStats other, bool includeHistograms)
    {
        ArgumentNullException.ThrowIfNull(other);
        Requests += other.Requests;
        Bytes += other.Bytes;
        TimeTakenUsSum += other.TimeTakenUsSum;
        OriginRequests += other.OriginRequests;
        OriginBytes += other.OriginBytes;
        OriginTimeTakenUsSum += other.OriginTimeTakenUsSum;
        HitRateRequests += other.HitRateRequests;
        HitRequests += other.HitRequests;
        HitRateBytes += other.HitRateBytes;
        HitBytes += other.HitBytes;
        Latency300 += other.Latency300;
        Latency600 += other.Latency600;
        Latency1000 += other.Latency1000;
        MergeInto(StatusCodes, other.StatusCodes);
        MergeInto(StatusCodesOrigin, other.StatusCodesOrigin);
        MergeInto(EdgeTypes, other.EdgeTypes);
        if (includeHistograms)
        {
            TimeTakenHistogram.Merge(other.TimeTakenHistogram);
            FirstByteHistogram.Merge(other.FirstByteHistogram);
        }
        Urls.Merge(other.Urls);
        foreach (var (isp, counts) in other.DownloadSpeed)
        {
            Speed(DownloadSpeed, isp).Merge(counts);
        }
        foreach (var (isp, counts) in other.DownloadSpeedOrigin)
        {
            Speed(DownloadSpeedOrigin, isp).Merge(counts);
        }
    }

    private static DownloadSpeedCounts Speed(Dictionary<string, DownloadSpeedCounts> map, string? isp)
    {
        isp = string.IsNullOrEmpty(isp) ? UnknownIsp : isp;
        if (!map.TryGetValue(isp, out var counts))
        {
            counts = new DownloadSpeedCounts();
            map[isp] = counts;
        }
        return counts;
    }

    private static CountAndTime Get<TKey>(Dictionary<TKey, CountAndTime> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new CountAndTime();
            map[key] = value;
        }
        return value;
    }

    private static void MergeInto<TKey>(Dictionary<TKey, CountAndTime> target, Dictionary<TKey, CountAndTime> source) where TKey : notnull
    {
        foreach (var (key, value) in source)
        {
            Get(target, key).Merge(value);
        }
    }
}
