using CdnPulse.CdnLogs;
using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Native;

/// <summary>Rolls download-speed minutes up onto a <see cref="TimeGrid"/>, as one distribution or one per country or ISP.</summary>
internal static class DistributionBuilder
{
    public static IReadOnlyList<SpeedBucketInfo> Buckets { get; } = DownloadSpeedCounts.Buckets
        .Select(b => new SpeedBucketInfo(RequestClassification.DownloadSpeedLabel(b), UpperBound(b)))
        .ToList();

    public static IReadOnlyList<DistributionSeries> Build(MetricQuery query, TimeGrid grid,
        IEnumerable<KeyValuePair<DateTimeOffset, DownloadSpeedWindow>> minutes, out int groupCount)
    {
        var groups = new Dictionary<string, (long[] Total, long[]?[] Points)>(StringComparer.Ordinal);
        foreach (var (minute, window) in minutes)
        {
            var index = grid.IndexOf(minute);
            foreach (var (country, isps) in (query.Metric.Origin ? window.Origin : window.Cdn).Countries)
            {
                foreach (var (isp, counts) in isps)
                {
                    if (query.Isp is not null && !string.Equals(isp, query.Isp, StringComparison.Ordinal))
                    {
                        continue;
                    }
                    var key = query.GroupBy switch { MetricGroupBy.Country => country, MetricGroupBy.Isp => isp, _ => "" };
                    if (!groups.TryGetValue(key, out var group))
                    {
                        group = (new long[Buckets.Count], new long[]?[grid.Points.Count]);
                        groups[key] = group;
                    }
                    var point = group.Points[index] ??= new long[Buckets.Count];
                    for (var b = 0; b < Buckets.Count; b++)
                    {
                        var n = counts[DownloadSpeedCounts.Buckets[b]];
                        point[b] += n;
                        group.Total[b] += n;
                    }
                }
            }
        }
        groupCount = groups.Count;
        var empty = new long[Buckets.Count];
        return groups
            .OrderByDescending(g => g.Value.Total.Sum()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(query.GroupBy == MetricGroupBy.None ? 1 : query.Limit)
            .Select(g => Series(query.GroupBy == MetricGroupBy.None ? null : g.Key, g.Value.Total, grid,
                grid.Points.Select((_, i) => g.Value.Points[i] ?? empty).ToList()))
            .ToList();
    }

    private static DistributionSeries Series(string? group, long[] total, TimeGrid grid, IReadOnlyList<long[]> points)
    {
        var sum = total.Sum();
        return new DistributionSeries(group, sum,
            Buckets.Select((b, i) => new BucketShare(b.Name, total[i], sum == 0 ? 0m : Math.Round((decimal)total[i] / sum, 4, MidpointRounding.AwayFromZero))).ToList(),
            grid.Points.Select((p, i) => new DistributionPoint(p.Start, points[i].Sum(), points[i])).ToList());
    }

    /// <summary>The bucket's exclusive upper bound in bytes per second (reference §3.5, K = 1024); Other has none.</summary>
    private static long? UpperBound(DownloadSpeedBucket bucket) => bucket switch
    {
        DownloadSpeedBucket.Under250K => 256_000,
        DownloadSpeedBucket.Under500K => 512_000,
        DownloadSpeedBucket.Under750K => 768_000,
        DownloadSpeedBucket.Under1M => 1_048_576,
        DownloadSpeedBucket.Under2M => 2_097_152,
        DownloadSpeedBucket.Under3M => 3_145_728,
        DownloadSpeedBucket.Under4M => 4_194_304,
        _ => null,
    };
}
