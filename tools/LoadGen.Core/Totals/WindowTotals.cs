using System.Text.Json.Serialization;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.LoadGen.Totals;

/// <summary>
/// Exact sums for one domain × minute × country, with the classifications of <see cref="RequestClassification"/>:
/// what CdnPulse's minute windows must hold after every line is ingested once. Time-taken is summed in whole
/// microseconds, like the metrics' window statistics.
/// </summary>
public sealed class WindowTotals
{
    public required string Domain { get; init; }

    /// <summary>Start of the UTC minute.</summary>
    public required DateTimeOffset Minute { get; init; }

    public required string Country { get; init; }

    public long Requests { get; set; }

    public long Bytes { get; set; }

    public long TimeTakenUs { get; set; }

    public long OriginRequests { get; set; }

    public long OriginBytes { get; set; }

    public long OriginTimeTakenUs { get; set; }

    /// <summary>Requests that count for the cache hit rate (not LimitExceeded or CapacityExceeded).</summary>
    public long HitRateRequests { get; set; }

    public long HitRateBytes { get; set; }

    public long Hits { get; set; }

    public long HitBytes { get; set; }

    /// <summary>Requests with time-taken in [0.3 s, 0.6 s).</summary>
    public long Latency300 { get; set; }

    /// <summary>Requests with time-taken in [0.6 s, 1 s).</summary>
    public long Latency600 { get; set; }

    /// <summary>Requests with time-taken of 1 s or more.</summary>
    public long Latency1000 { get; set; }

    /// <summary>Requests per sc-status.</summary>
    public SortedDictionary<int, long> StatusCodes { get; init; } = [];

    /// <summary>Origin requests per sc-status.</summary>
    public SortedDictionary<int, long> OriginStatusCodes { get; init; } = [];

    /// <summary>Requests per x-edge-response-result-type ("-" when absent).</summary>
    public SortedDictionary<string, long> EdgeTypes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Requests per x-edge-detailed-result-type ("-" when absent).</summary>
    public SortedDictionary<string, long> DetailedTypes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Requests per ISP (AS organisation) of the viewer.</summary>
    public SortedDictionary<string, long> Isps { get; init; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public WindowKey Key => new(Domain, Minute.ToUnixTimeMilliseconds(), Country);

    public void Add(CdnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeTakenUs = (long)Math.Round(request.TimeTakenMs * 1000.0, MidpointRounding.AwayFromZero);
        Requests++;
        Bytes += request.BytesSent;
        TimeTakenUs += timeTakenUs;
        Increment(StatusCodes, request.Status);
        Increment(EdgeTypes, request.EdgeResponseResultType ?? "-");
        Increment(DetailedTypes, request.EdgeDetailedResultType ?? "-");
        Increment(Isps, request.Isp ?? "-");
        if (RequestClassification.WentToOrigin(request.EdgeDetailedResultType))
        {
            OriginRequests++;
            OriginBytes += request.BytesSent;
            OriginTimeTakenUs += timeTakenUs;
            Increment(OriginStatusCodes, request.Status);
        }

        if (RequestClassification.CountsForHitRate(request.EdgeResponseResultType))
        {
            HitRateRequests++;
            HitRateBytes += request.BytesSent;
            if (RequestClassification.IsHit(request.EdgeResponseResultType))
            {
                Hits++;
                HitBytes += request.BytesSent;
            }
        }

        switch (RequestClassification.LatencyBand(request.TimeTakenMs))
        {
            case LatencyBand.From300To600:
                Latency300++;
                break;
            case LatencyBand.From600To1000:
                Latency600++;
                break;
            case LatencyBand.AtLeast1000:
                Latency1000++;
                break;
            default:
                break;
        }
    }

    public void Merge(WindowTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Requests += other.Requests;
        Bytes += other.Bytes;
        TimeTakenUs += other.TimeTakenUs;
        OriginRequests += other.OriginRequests;
        OriginBytes += other.OriginBytes;
        OriginTimeTakenUs += other.OriginTimeTakenUs;
        HitRateRequests += other.HitRateRequests;
        HitRateBytes += other.HitRateBytes;
        Hits += other.Hits;
        HitBytes += other.HitBytes;
        Latency300 += other.Latency300;
        Latency600 += other.Latency600;
        Latency1000 += other.Latency1000;
        MergeCounts(StatusCodes, other.StatusCodes);
        MergeCounts(OriginStatusCodes, other.OriginStatusCodes);
        MergeCounts(EdgeTypes, other.EdgeTypes);
        MergeCounts(DetailedTypes, other.DetailedTypes);
        MergeCounts(Isps, other.Isps);
    }

    private static void Increment<TKey>(SortedDictionary<TKey, long> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void MergeCounts<TKey>(SortedDictionary<TKey, long> target, SortedDictionary<TKey, long> source)
        where TKey : notnull
    {
        foreach (var (key, count) in source)
        {
            target[key] = target.GetValueOrDefault(key) + count;
        }
    }
}
