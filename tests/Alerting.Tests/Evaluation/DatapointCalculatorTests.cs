using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Evaluation;
using CdnPulse.Contracts;
using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Tests.Evaluation;

public sealed class DatapointCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_ratio_averages_over_the_whole_period_not_over_minute_means()
    {
        // Minute 0: 1 of 10 requests is a 5xx (10 %); minute 1: 9 of 10 (90 %). Over both: 10 of 20 = 50 %.
        var minutes = Minutes((0, 10, 1), (1, 10, 9));
        var metric = AlarmMetrics.Find("errorRate5xx")!;

        var average = DatapointCalculator.Datapoint(metric, AlarmStatistic.Average, minutes, Start, TimeSpan.FromMinutes(2));
        var maximum = DatapointCalculator.Datapoint(metric, AlarmStatistic.Maximum, minutes, Start, TimeSpan.FromMinutes(2));
        var minimum = DatapointCalculator.Datapoint(metric, AlarmStatistic.Minimum, minutes, Start, TimeSpan.FromMinutes(2));

        Assert.Equal(50.0, average.Value);
        Assert.Equal(90.0, maximum.Value);
        Assert.Equal(10.0, minimum.Value);
        Assert.Equal(2, average.SampleCount);
    }

    [Fact]
    public void A_count_sums_its_minutes_and_averages_per_minute_with_data()
    {
        var minutes = Minutes((0, 10, 0), (2, 30, 3));
        var metric = AlarmMetrics.Find("request")!;
        var period = TimeSpan.FromMinutes(3);

        Assert.Equal(40.0, DatapointCalculator.Datapoint(metric, AlarmStatistic.Sum, minutes, Start, period).Value);
        Assert.Equal(20.0, DatapointCalculator.Datapoint(metric, AlarmStatistic.Average, minutes, Start, period).Value);
        Assert.Equal(2.0, DatapointCalculator.Datapoint(metric, AlarmStatistic.SampleCount, minutes, Start, period).Value);
        Assert.Equal(3.0, DatapointCalculator.Datapoint(AlarmMetrics.Find("statusCode5xx")!, AlarmStatistic.Sum, minutes, Start, period).Value);
    }

    [Fact]
    public void A_period_without_traffic_is_a_missing_datapoint()
    {
        var minutes = Minutes((0, 10, 1));
        var range = DatapointCalculator.Range(AlarmMetrics.Find("errorRate5xx")!, AlarmStatistic.Average, minutes, Start.AddMinutes(3),
            TimeSpan.FromMinutes(1), 3);

        Assert.Equal([Start, Start.AddMinutes(1), Start.AddMinutes(2)], range.Select(d => d.Start).ToList());
        Assert.Equal(10.0, range[0].Value);
        Assert.True(range[1].IsMissing);
        Assert.True(range[2].IsMissing);
    }

    [Fact]
    public void Bandwidth_is_bits_per_second_over_the_period()
    {
        var stats = new WindowStats();
        stats.Add(Request(Start, 200, 7500));
        var minutes = new Dictionary<DateTimeOffset, WindowStats> { [Start] = stats };

        var datapoint = DatapointCalculator.Datapoint(AlarmMetrics.Find("bandwidth")!, AlarmStatistic.Average, minutes, Start, TimeSpan.FromMinutes(5));

        Assert.Equal(7500 * 8 / 300.0, datapoint.Value);
    }

    private static Dictionary<DateTimeOffset, WindowStats> Minutes(params (int Minute, int Requests, int Errors)[] minutes)
    {
        var result = new Dictionary<DateTimeOffset, WindowStats>();
        foreach (var (minute, requests, errors) in minutes)
        {
            var stats = new WindowStats();
            for (var i = 0; i < requests; i++)
            {
                stats.Add(Request(Start.AddMinutes(minute), i < errors ? 503 : 200, 1000));
            }
            result[Start.AddMinutes(minute)] = stats;
        }
        return result;
    }

    private static CdnRequest Request(DateTimeOffset at, int status, long bytes) =>
        new(at.ToUnixTimeMilliseconds(), "8.8.8.8", status, bytes, "a.example.com", "/", 12, "Hit", "Hit", "US", null, null);
}
