using System.Text.Json.Serialization;
using CdnPulse.CdnLogs;

namespace CdnPulse.Metrics;

/// <summary>Requests per download-speed bucket (reference §3.5) for one country × ISP; merges by adding.</summary>
[JsonConverter(typeof(DownloadSpeedCountsJsonConverter))]
public sealed class DownloadSpeedCounts
{
    /// <summary>The buckets in order: 250K, 500K, 750K, 1M, 2M, 3M, 4M, Other.</summary>
    public static readonly IReadOnlyList<DownloadSpeedBucket> Buckets = Enum.GetValues<DownloadSpeedBucket>();

    private readonly long[] _counts = new long[Buckets.Count];

    public long Total { get; private set; }

    public long this[DownloadSpeedBucket bucket] => _counts[(int)bucket];

    public void Add(DownloadSpeedBucket bucket, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _counts[(int)bucket] += count;
        Total += count;
    }

    public void Merge(DownloadSpeedCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var bucket in Buckets)
        {
            Add(bucket, other[bucket]);
        }
    }
}
