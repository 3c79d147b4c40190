using CdnPulse.Dashboard.Store;

namespace CdnPulse.Dashboard.Charts;

/// <summary>Turns stored series into chart points: rates of counters, gauge values, and latency percentiles of histograms.</summary>
public static class SeriesMath
{
    /// <summary>
    /// Per-second rate between consecutive points of a sum. The first point of a cumulative series, and the first after
    /// a restart, count from zero at the series' start time (the dashboard runs before the services it watches).
    /// </summary>
    public static IEnumerable<ChartPoint> Rate(MetricSeries series)
    {
        var points = series.Points;
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (!series.IsCumulative)
            {
                var span = (point.Time - point.StartTime).TotalSeconds;
                if (span > 0)
                {
                    yield return new ChartPoint(point.Time.ToUnixTimeMilliseconds(), point.Value / span);
                }
                continue;
            }
            var previous = i == 0 ? null : points[i - 1];
            var restarted = previous is null || point.StartTime != previous.StartTime || point.Value < previous.Value;
            var seconds = (point.Time - (restarted ? point.StartTime : previous!.Time)).TotalSeconds;
            var delta = restarted ? point.Value : point.Value - previous!.Value;
            if (seconds > 0)
            {
                yield return new ChartPoint(point.Time.ToUnixTimeMilliseconds(), delta / seconds);
            }
        }
    }

    public static IEnumerable<ChartPoint> Values(MetricSeries series, double scale = 1) =>
        series.Points.Select(p => new ChartPoint(p.Time.ToUnixTimeMilliseconds(), p.Value * scale));

    /// <summary>
    /// Sums lines that share a label, point by point, aligned to the second (series exported together share a timestamp).
    /// </summary>
    public static IReadOnlyList<ChartLine> SumByLabel(IEnumerable<(string Label, IEnumerable<ChartPoint> Points)> lines) =>
    [
        .. lines.GroupBy(l => l.Label, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ChartLine(g.Key, [.. g.SelectMany(l => l.Points)
                .GroupBy(p => p.T / 1000)
                .OrderBy(p => p.Key)
                .Select(p => new ChartPoint(p.Key * 1000, p.Sum(x => x.V)))])),
    ];

    /// <summary>
    /// The <paramref name="quantile"/> of what was recorded between consecutive points, over all the given histogram
    /// series (merged per export), interpolated linearly inside the bucket, times <paramref name="scale"/>.
    /// </summary>
    public static IReadOnlyList<ChartPoint> Quantile(IEnumerable<MetricSeries> histograms, double quantile, double scale = 1)
    {
        var merged = new SortedDictionary<long, (IReadOnlyList<double> Bounds, long[] Counts)>();
        foreach (var series in histograms)
        {
            foreach (var (time, bounds, counts) in Deltas(series))
            {
                var key = time.ToUnixTimeMilliseconds() / 1000;
                if (merged.TryGetValue(key, out var existing) && existing.Bounds.SequenceEqual(bounds))
                {
                    for (var b = 0; b < counts.Length; b++)
                    {
                        existing.Counts[b] += counts[b];
                    }
                }
                else if (!merged.ContainsKey(key))
                {
                    merged[key] = (bounds, counts);
                }
            }
        }
        return [.. merged.Where(m => m.Value.Counts.Sum() > 0)
            .Select(m => new ChartPoint(m.Key * 1000, Interpolate(m.Value.Bounds, m.Value.Counts, quantile) * scale))];
    }

    private static IEnumerable<(DateTimeOffset Time, IReadOnlyList<double> Bounds, long[] Counts)> Deltas(MetricSeries series)
    {
        var points = series.Points.Where(p => p.Histogram is { BucketCounts.Count: > 0 }).ToList();
        for (var i = 0; i < points.Count; i++)
        {
            var current = points[i].Histogram!;
            if (!series.IsCumulative)
            {
                yield return (points[i].Time, current.Bounds, [.. current.BucketCounts]);
                continue;
            }
            var previous = i == 0 ? null : points[i - 1].Histogram!;
            var restarted = previous is null || points[i].StartTime != points[i - 1].StartTime || current.Count < previous.Count ||
                previous.BucketCounts.Count != current.BucketCounts.Count;
            yield return (points[i].Time, current.Bounds,
                [.. current.BucketCounts.Select((c, b) => restarted ? c : c - previous!.BucketCounts[b])]);
        }
    }

    /// <summary>Linear interpolation inside the bucket holding the quantile; the overflow bucket reports its lower bound.</summary>
    public static double Interpolate(IReadOnlyList<double> bounds, IReadOnlyList<long> counts, double quantile)
    {
        var total = counts.Sum();
        var rank = quantile * total;
        long seen = 0;
        for (var b = 0; b < counts.Count; b++)
        {
            if (counts[b] == 0 || seen + counts[b] < rank)
            {
                seen += counts[b];
                continue;
            }
            var lower = b == 0 ? 0 : bounds[b - 1];
            if (b >= bounds.Count)
            {
                return lower;
            }
            var upper = bounds[b];
            return lower + ((upper - lower) * (rank - seen) / counts[b]);
        }
        return bounds.Count > 0 ? bounds[^1] : 0;
    }
}
