using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.Metrics;

/// <summary>
/// The mergeable partial of one metric window for one domain × country: only sums and counts, so any number of
/// contributions (from any number of Aggregation instances, in any order, late or not) add up to exact totals.
/// </summary>
public sealed class WindowStats
{
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

    public void Add(CdnRequest request)
    {
        var timeTakenUs = CountAndTime.Microseconds(request.TimeTakenMs);
        Requests++;
        Bytes += request.BytesSent;
        TimeTakenUsSum += timeTakenUs;
        Get(StatusCodes, request.Status).Add(timeTakenUs);
        Get(EdgeTypes, request.EdgeResponseResultType ?? "-").Add(timeTakenUs);

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

    public void Merge(WindowStats other)
    {
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
