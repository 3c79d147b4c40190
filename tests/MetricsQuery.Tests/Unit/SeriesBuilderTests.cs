using CdnPulse.Metrics;
using CdnPulse.MetricsQuery.Native;

namespace CdnPulse.MetricsQuery.Tests.Unit;

public sealed class SeriesBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Partial_intervals_cover_only_the_part_inside_the_range()
    {
        var grid = new TimeGrid(T0.AddMinutes(3), T0.AddMinutes(12), new NativeInterval("5m", TimeSpan.FromMinutes(5)));

        Assert.Equal([T0, T0.AddMinutes(5), T0.AddMinutes(10)], grid.Points.Select(p => p.Start));
        Assert.Equal([TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(2)], grid.Points.Select(p => p.Covered));
        Assert.Equal(1, grid.IndexOf(T0.AddMinutes(9)));
    }

    [Fact]
    public void Totals_are_exact_rates_over_the_range_not_means_of_points()
    {
        var grid = new TimeGrid(T0, T0.AddMinutes(2), new NativeInterval("1m", TimeSpan.FromMinutes(1)));
        var minutes = new Dictionary<DateTimeOffset, WindowStats>
        {
            [T0] = new() { Requests = 1, HitRateRequests = 1, HitRequests = 1, Bytes = 600 },
            [T0.AddMinutes(1)] = new() { Requests = 3, HitRateRequests = 3, HitRequests = 0, Bytes = 0 },
        };

        var hitRate = SeriesBuilder.Build(MetricCatalog.Find("cacheHitRate")!, grid, null, minutes);
        var bandwidth = SeriesBuilder.Build(MetricCatalog.Find("bandwidth")!, grid, null, minutes);

        Assert.Equal(25.00m, hitRate.Total);
        Assert.Equal([100.00m, 0.00m], hitRate.Points.Select(p => p.Value));
        Assert.Equal(40m, bandwidth.Total);
        Assert.Equal([80m, 0m], bandwidth.Points.Select(p => p.Value));
    }

    [Fact]
    public void Empty_intervals_count_zero_and_leave_rates_undefined()
    {
        var grid = new TimeGrid(T0, T0.AddMinutes(2), new NativeInterval("1m", TimeSpan.FromMinutes(1)));
        var minutes = new Dictionary<DateTimeOffset, WindowStats> { [T0] = new() { Requests = 2, TimeTakenUsSum = 3_000 } };

        Assert.Equal([2m, 0m], SeriesBuilder.Build(MetricCatalog.Find("requests")!, grid, null, minutes).Points.Select(p => p.Value));
        Assert.Equal([1.5m, null], SeriesBuilder.Build(MetricCatalog.Find("latencyMean")!, grid, null, minutes).Points.Select(p => p.Value));
        Assert.Null(SeriesBuilder.Build(MetricCatalog.Find("latencyP99")!, grid, null, minutes).Total);
    }

    [Fact]
    public void Breakdown_keeps_the_largest_groups_first_and_reports_how_many_there_were()
    {
        var grid = new TimeGrid(T0, T0.AddMinutes(1), NativeInterval.Total);
        var stats = new WindowStats();
        stats.StatusCodes[200] = new CountAndTime { Count = 7, TimeTakenUsSum = 7_000 };
        stats.StatusCodes[404] = new CountAndTime { Count = 2, TimeTakenUsSum = 9_000 };
        stats.StatusCodes[503] = new CountAndTime { Count = 1, TimeTakenUsSum = 1_000 };

        var counts = SeriesBuilder.BuildBreakdown(MetricCatalog.Find("requests")!, grid, MetricGroupBy.Status, [KeyValuePair.Create(T0, stats)], 2, out var groups);
        var latency = SeriesBuilder.BuildBreakdown(MetricCatalog.Find("latencyMean")!, grid, MetricGroupBy.Status, [KeyValuePair.Create(T0, stats)], 3, out _);

        Assert.Equal(3, groups);
        Assert.Equal(["200", "404"], counts.Select(s => s.Group));
        Assert.Equal([7m, 2m], counts.Select(s => s.Total));
        Assert.Equal([1.000m, 4.500m, 1.000m], latency.Select(s => s.Total));
    }

    [Theory]
    [InlineData("latencyP50")]
    [InlineData("latencyP99")]
    [InlineData("ttfbP90")]
    public void Percentile_series_equal_percentiles_of_the_merged_histograms(string name)
    {
        var random = new Random(name.Length);
        var grid = new TimeGrid(T0, T0.AddMinutes(30), new NativeInterval("5m", TimeSpan.FromMinutes(5)));
        var minutes = new SortedDictionary<DateTimeOffset, WindowStats>();
        // Minutes 10-14 have no data and minute 20-24 no time-to-first-byte: undefined points.
        foreach (var m in Enumerable.Range(0, 30).Where(m => m is < 10 or >= 15))
        {
            var stats = new WindowStats();
            for (var i = 0; i < 200; i++)
            {
                stats.TimeTakenHistogram.Add((long)Math.Pow(10, 2 + (4 * random.NextDouble())));
                if (m is < 20 or >= 25)
                {
                    stats.FirstByteHistogram.Add(random.Next(0, 2_000_000));
                }
            }
            minutes[T0.AddMinutes(m)] = stats;
        }
        var metric = MetricCatalog.Find(name)!;
        var percent = int.Parse(name[^2..], System.Globalization.CultureInfo.InvariantCulture);
        Func<WindowStats, LatencyHistogram> histogram = name.StartsWith("ttfb", StringComparison.Ordinal) ? s => s.FirstByteHistogram : s => s.TimeTakenHistogram;
        decimal? Expected(IEnumerable<WindowStats> stats)
        {
            var merged = new LatencyHistogram();
            foreach (var s in stats)
            {
                merged.Merge(histogram(s));
            }
            return merged.IsEmpty ? null : Math.Round(MetricFormulas.PercentileMilliseconds(merged, percent), 3, MidpointRounding.AwayFromZero);
        }

        var series = SeriesBuilder.Build(metric, grid, null, minutes);

        Assert.Equal(Expected(minutes.Values), series.Total);
        Assert.Equal(grid.Points.Select(p => Expected(minutes.Where(m => m.Key >= p.Start && m.Key < p.Start.AddMinutes(5)).Select(m => m.Value))),
            series.Points.Select(p => p.Value));
        Assert.Contains(series.Points, p => p.Value is null);
    }
}
