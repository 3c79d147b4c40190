using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Native;

/// <summary>Rolls minutes up onto a <see cref="TimeGrid"/> and evaluates a series metric per point and over the range.</summary>
internal static class SeriesBuilder
{
    /// <summary>One series from per-minute stats (all countries, or one).</summary>
    public static MetricSeries Build(MetricDefinition metric, TimeGrid grid, string? group, IEnumerable<KeyValuePair<DateTimeOffset, WindowStats>> minutes)
    {
        var value = metric.Value ?? throw new InvalidOperationException($"{metric.Name} is not a series metric.");
        if (metric.Histogram is { } histogram)
        {
            return BuildPercentile(metric, histogram, grid, group, minutes);
        }
        var points = new WindowStats?[grid.Points.Count];
        foreach (var (minute, stats) in minutes)
        {
            (points[grid.IndexOf(minute)] ??= new WindowStats()).Merge(stats, metric.NeedsHistograms);
        }
        // The range total from the points, not the minutes: far fewer (and already merged) histograms to add.
        var total = new WindowStats();
        foreach (var point in points)
        {
            if (point is not null)
            {
                total.Merge(point, metric.NeedsHistograms);
            }
        }
        var empty = new WindowStats();
        return new MetricSeries(group, metric.Round(value(total, grid.Range)),
            grid.Points.Select((p, i) => new SeriesPoint(p.Start, metric.Round(value(points[i] ?? empty, p.Covered)))).ToList());
    }

    /// <summary>
    /// A percentile series: each point's minute histograms are added into one dense array (no hashing), its percentile
    /// read off, and the array added to the range's total; the same values as merging the histograms, several times faster.
    /// </summary>
    private static MetricSeries BuildPercentile(MetricDefinition metric, Func<WindowStats, LatencyHistogram> histogram, TimeGrid grid, string? group,
        IEnumerable<KeyValuePair<DateTimeOffset, WindowStats>> minutes)
    {
        var perPoint = new List<LatencyHistogram>?[grid.Points.Count];
        foreach (var (minute, stats) in minutes)
        {
            var h = histogram(stats);
            if (!h.IsEmpty)
            {
                (perPoint[grid.IndexOf(minute)] ??= []).Add(h);
            }
        }
        var point = new long[LatencyHistogram.MaxBuckets];
        var total = new long[LatencyHistogram.MaxBuckets];
        long totalCount = 0;
        var values = new decimal?[grid.Points.Count];
        for (var i = 0; i < perPoint.Length; i++)
        {
            if (perPoint[i] is not { } histograms)
            {
                continue;
            }
            Array.Clear(point);
            long count = 0;
            foreach (var h in histograms)
            {
                h.AddTo(point);
                count += h.Count;
            }
            values[i] = Milliseconds(point, count, metric.Percent);
            for (var b = 0; b < point.Length; b++)
            {
                total[b] += point[b];
            }
            totalCount += count;
        }
        return new MetricSeries(group, metric.Round(Milliseconds(total, totalCount, metric.Percent)),
            grid.Points.Select((p, i) => new SeriesPoint(p.Start, metric.Round(values[i]))).ToList());
    }

    private static decimal? Milliseconds(long[] counts, long total, int percent) =>
        LatencyHistogram.Percentile(counts, total, percent) is { } microseconds ? (decimal)microseconds / 1000m : null;

    /// <summary>One series per status code or edge type, the <paramref name="limit"/> with most requests first.</summary>
    public static IReadOnlyList<MetricSeries> BuildBreakdown(MetricDefinition metric, TimeGrid grid, MetricGroupBy groupBy,
        IEnumerable<KeyValuePair<DateTimeOffset, WindowStats>> minutes, int limit, out int groupCount)
    {
        var breakdown = metric.Breakdown ?? throw new InvalidOperationException($"{metric.Name} has no breakdown.");
        var value = metric.BreakdownValue!;
        var perKey = new Dictionary<string, (CountAndTime Total, CountAndTime?[] Points)>(StringComparer.Ordinal);
        foreach (var (minute, stats) in minutes)
        {
            var index = grid.IndexOf(minute);
            foreach (var (key, entry) in breakdown(stats, groupBy))
            {
                if (!perKey.TryGetValue(key, out var series))
                {
                    series = (new CountAndTime(), new CountAndTime?[grid.Points.Count]);
                    perKey[key] = series;
                }
                series.Total.Merge(entry);
                (series.Points[index] ??= new CountAndTime()).Merge(entry);
            }
        }
        groupCount = perKey.Count;
        var empty = new CountAndTime();
        return perKey
            .OrderByDescending(kv => kv.Value.Total.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(kv => new MetricSeries(kv.Key, metric.Round(value(kv.Value.Total)),
                grid.Points.Select((p, i) => new SeriesPoint(p.Start, metric.Round(value(kv.Value.Points[i] ?? empty)))).ToList()))
            .ToList();
    }
}
