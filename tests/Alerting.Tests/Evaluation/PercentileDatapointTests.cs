using CdnPulse.Alerting.Evaluation;
using CdnPulse.Contracts;
using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Tests.Evaluation;

/// <summary>
/// ExtendedStatistic datapoints from known histograms: the nearest-rank value of every request of the period (the
/// minutes' histograms merged), reported within v/128 of the exact value v (docs/metrics.md).
/// </summary>
public sealed class PercentileDatapointTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    // Minute 0: 1, 2, …, 100 ms; minute 1: 101, …, 200 ms; minute 3: 1000 ms once; minutes 2 and 4: no traffic.
    private static readonly Dictionary<DateTimeOffset, WindowStats> Minutes = Build(
        (0, Enumerable.Range(1, 100).Select(v => (double)v)),
        (1, Enumerable.Range(101, 100).Select(v => (double)v)),
        (3, [1000.0]));

    [Theory]
    // percentile, first minute, minutes in the period, exact nearest-rank value (ms)
    [InlineData("p50", 0, 1, 50.0)]
    [InlineData("p99", 0, 1, 99.0)]
    [InlineData("p0.0", 0, 1, 1.0)]
    [InlineData("p100", 0, 1, 100.0)]
    [InlineData("p50", 0, 2, 100.0)]     // rank 100 of 200
    [InlineData("p90", 0, 2, 180.0)]     // rank 180 of 200, not the mean of the minutes' own p90s (90 and 190)
    [InlineData("p99.9", 0, 2, 200.0)]   // rank ⌈199.8⌉ = 200
    [InlineData("p0.5", 0, 2, 1.0)]      // rank ⌈1⌉ = 1
    [InlineData("p12.34", 0, 2, 25.0)]   // rank ⌈24.68⌉ = 25
    [InlineData("p99", 0, 5, 199.0)]     // 201 values: rank ⌈198.99⌉ = 199
    [InlineData("p100", 0, 5, 1000.0)]
    [InlineData("p50", 2, 3, 1000.0)]    // a quiet minute takes no part
    public void A_percentile_is_the_nearest_rank_value_of_the_whole_period_within_the_histogram_bound(
        string extended, int firstMinute, int minutes, double exact)
    {
        Assert.True(ExtendedStatistics.TryParse(extended, out var percent, out _));

        var datapoint = DatapointCalculator.Datapoint(AlarmMetrics.Find("requestLatency")!, DatapointStatistic.Of(percent, extended), Minutes,
            Start.AddMinutes(firstMinute), TimeSpan.FromMinutes(minutes));

        Assert.NotNull(datapoint.Value);
        Assert.InRange(datapoint.Value!.Value, exact - (exact / 128), exact + (exact / 128));
    }

    [Fact]
    public void The_sample_count_is_the_minutes_with_values_and_a_period_without_any_is_missing()
    {
        var metric = AlarmMetrics.Find("requestLatency")!;
        var p99 = DatapointStatistic.Of(99m, "p99");

        Assert.Equal(3, DatapointCalculator.Datapoint(metric, p99, Minutes, Start, TimeSpan.FromMinutes(5)).SampleCount);
        Assert.True(DatapointCalculator.Datapoint(metric, p99, Minutes, Start.AddMinutes(4), TimeSpan.FromMinutes(1)).IsMissing);
        var range = DatapointCalculator.Range(metric, p99, Minutes, Start.AddMinutes(5), TimeSpan.FromMinutes(1), 5);
        Assert.Equal([false, false, true, false, true], range.Select(d => d.IsMissing));
    }

    [Fact]
    public void Time_to_first_byte_uses_its_own_histogram_and_lines_without_it_are_missing()
    {
        var withTtfb = new WindowStats();
        withTtfb.Add(Request(Start, timeTakenMs: 900, ttfbMs: 40));
        withTtfb.Add(Request(Start, timeTakenMs: 900, ttfbMs: 60));
        var withoutTtfb = new WindowStats();
        withoutTtfb.Add(Request(Start.AddMinutes(1), timeTakenMs: 900, ttfbMs: null));
        var minutes = new Dictionary<DateTimeOffset, WindowStats> { [Start] = withTtfb, [Start.AddMinutes(1)] = withoutTtfb };
        var metric = AlarmMetrics.Find("timeToFirstByte")!;

        var p100 = DatapointCalculator.Datapoint(metric, DatapointStatistic.Of(100m, "p100"), minutes, Start, TimeSpan.FromMinutes(1));
        var quiet = DatapointCalculator.Datapoint(metric, DatapointStatistic.Of(100m, "p100"), minutes, Start.AddMinutes(1), TimeSpan.FromMinutes(1));

        Assert.InRange(p100.Value!.Value, 60 - (60 / 128.0), 60 + (60 / 128.0));
        Assert.True(quiet.IsMissing);
    }

    [Fact]
    public void The_latencyP99_metric_averages_as_the_percentile_of_the_merged_period()
    {
        var metric = AlarmMetrics.Find("latencyP99")!;
        var period = TimeSpan.FromMinutes(2);

        var average = DatapointCalculator.Datapoint(metric, Alarms.AlarmStatistic.Average, Minutes, Start, period);
        var maximum = DatapointCalculator.Datapoint(metric, Alarms.AlarmStatistic.Maximum, Minutes, Start, period);
        var p99 = DatapointCalculator.Datapoint(AlarmMetrics.Find("requestLatency")!, DatapointStatistic.Of(99m, "p99"), Minutes, Start, period);

        Assert.Equal(p99.Value, average.Value);
        Assert.InRange(average.Value!.Value, 198 - (198 / 128.0), 198 + (198 / 128.0));
        Assert.InRange(maximum.Value!.Value, 199 - (199 / 128.0), 199 + (199 / 128.0));
    }

    private static Dictionary<DateTimeOffset, WindowStats> Build(params (int Minute, IEnumerable<double> LatenciesMs)[] minutes)
    {
        var result = new Dictionary<DateTimeOffset, WindowStats>();
        foreach (var (minute, latencies) in minutes)
        {
            var stats = new WindowStats();
            foreach (var latency in latencies)
            {
                stats.Add(Request(Start.AddMinutes(minute), latency, latency / 2));
            }
            result[Start.AddMinutes(minute)] = stats;
        }
        return result;
    }

    private static CdnRequest Request(DateTimeOffset at, double timeTakenMs, double? ttfbMs) =>
        new(at.ToUnixTimeMilliseconds(), "8.8.8.8", 200, 1000, "a.example.com", "/", timeTakenMs, "Hit", "Hit", "US", null, ttfbMs);
}
