using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace CdnPulse.Metrics;

/// <summary>
/// A mergeable log-linear histogram of durations in whole microseconds. Values below 128 µs have a bucket each;
/// above, every power of two is split into 64 equal buckets, so a bucket is at most 1/64 of its lower bound wide.
/// Counts are integers: merging is exact addition, associative and order-independent. A percentile is reported as
/// its bucket's midpoint, within 1/128 (0.79 %) of the exact nearest-rank value (docs/metrics.md).
/// </summary>
[JsonConverter(typeof(LatencyHistogramJsonConverter))]
public sealed class LatencyHistogram
{
    /// <summary>Buckets per power of two (2^6).</summary>
    public const int SubBuckets = 64;

    private const int SubBucketBits = 6;
    private const int ExactLimit = 2 * SubBuckets;

    private readonly Dictionary<int, long> _counts = [];

    /// <summary>Number of values recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Non-empty buckets by index, ascending.</summary>
    public IEnumerable<KeyValuePair<int, long>> Buckets => _counts.OrderBy(kv => kv.Key);

    public bool IsEmpty => Count == 0;

    /// <summary>Number of non-empty buckets.</summary>
    public int BucketCount => _counts.Count;

    /// <summary>Bucket indexes are below this for every duration (the bucket of <see cref="long.MaxValue"/> µs is 3711).</summary>
    public const int MaxBuckets = (SubBuckets * (63 - SubBucketBits)) + SubBuckets;

    /// <summary>Adds this histogram's counts to a dense array indexed by bucket (at least <see cref="MaxBuckets"/> long): merging many without hashing.</summary>
    public void AddTo(Span<long> counts)
    {
        foreach (var (index, count) in _counts)
        {
            counts[index] += count;
        }
    }

    public void Add(long microseconds) => AddToBucket(BucketOf(microseconds), 1);

    /// <summary>Adds <paramref name="count"/> values to bucket <paramref name="index"/> (reading stored buckets back).</summary>
    public void AddToBucket(int index, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }
        CollectionsMarshal.GetValueRefOrAddDefault(_counts, index, out _) += count;
        Count += count;
    }

    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (index, count) in other._counts)
        {
            AddToBucket(index, count);
        }
    }

    /// <summary>
    /// The nearest-rank <paramref name="percent"/>-th percentile (the value of rank ⌈percent·n/100⌉) as its bucket's
    /// midpoint in microseconds; null when the histogram is empty.
    /// </summary>
    public double? Percentile(int percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return NearestRankMidpoint(percent);
    }

    /// <summary>
    /// <see cref="Percentile(int)"/> for any percent from 0 to 100 (CloudWatch's <c>p99.9</c>): the value of rank
    /// ⌈percent·n/100⌉, at least 1, so 0 gives the smallest value's bucket. Equal to <see cref="Percentile(int)"/>
    /// for whole percents from 1.
    /// </summary>
    public double? Percentile(decimal percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100m);
        return NearestRankMidpoint(percent);
    }

    /// <summary>
    /// <see cref="Percentile(int)"/> of a dense histogram (counts indexed by bucket, as filled by <see cref="AddTo"/>)
    /// holding <paramref name="total"/> values: the same rank and the same midpoint.
    /// </summary>
    public static double? Percentile(ReadOnlySpan<long> counts, long total, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (total == 0)
        {
            return null;
        }
        var rank = Rank(total, percent);
        long seen = 0;
        for (var index = 0; index < counts.Length; index++)
        {
            seen += counts[index];
            if (seen >= rank)
            {
                return Midpoint(index);
            }
        }
        throw new InvalidOperationException("The bucket counts do not add up to the total.");
    }

    // Exact decimal arithmetic: a whole percent gives the same rank through either overload.
    private static long Rank(long total, decimal percent) => Math.Max(1, (long)Math.Ceiling(total * percent / 100m));

    private double? NearestRankMidpoint(decimal percent)
    {
        if (Count == 0)
        {
            return null;
        }
        var rank = Rank(Count, percent);
        long seen = 0;
        foreach (var (index, count) in Buckets)
        {
            seen += count;
            if (seen >= rank)
            {
                return Midpoint(index);
            }
        }
        throw new InvalidOperationException("The bucket counts do not add up to Count.");
    }

    /// <summary>The bucket of a duration; negative durations count as 0.</summary>
    public static int BucketOf(long microseconds)
    {
        if (microseconds < ExactLimit)
        {
            return (int)Math.Max(0, microseconds);
        }
        var exponent = BitOperations.Log2((ulong)microseconds);
        var shift = exponent - SubBucketBits;
        var sub = (int)(microseconds >> shift);
        return (SubBuckets * (exponent - SubBucketBits)) + sub;
    }

    /// <summary>Smallest value of bucket <paramref name="index"/>.</summary>
    public static long LowerBound(int index)
    {
        if (index < ExactLimit)
        {
            return index;
        }
        var exponent = (index / SubBuckets) + SubBucketBits - 1;
        var sub = SubBuckets + (index % SubBuckets);
        return (long)sub << (exponent - SubBucketBits);
    }

    /// <summary>Number of distinct microsecond values in bucket <paramref name="index"/>.</summary>
    public static long Width(int index) =>
        index < ExactLimit ? 1 : 1L << ((index / SubBuckets) - 1);

    /// <summary>The value reported for bucket <paramref name="index"/>: the middle of its smallest and largest value.</summary>
    public static double Midpoint(int index) => LowerBound(index) + ((Width(index) - 1) / 2.0);
}
