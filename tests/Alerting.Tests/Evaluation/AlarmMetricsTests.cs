using CdnPulse.Alerting.Evaluation;
using CdnPulse.Contracts;
using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Tests.Evaluation;

/// <summary>The alarm catalogue computes every metric with the shared definitions of <see cref="MetricFormulas"/>, unrounded.</summary>
public sealed class AlarmMetricsTests
{
    private static readonly DateTimeOffset Minute = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = TimeSpan.FromMinutes(1);

    [Fact]
    public void Every_value_is_the_metric_formula_of_docs_metrics()
    {
        var s = new WindowStats();
        s.Add(Request(200, 1_000, 12.5, "Hit", "Hit"));
        s.Add(Request(404, 300, 350, "Miss", "Miss"));
        s.Add(Request(503, 7_000, 1_250, "Error", "Error"));
        s.Add(Request(200, 2_000, 640, "RefreshHit", "RefreshHit"));
        s.Add(Request(302, 150, 3, "LimitExceeded", "LimitExceeded"));
        s.Add(Request(500, 90, 2_000, "Miss", "OriginShieldHit"));

        var expected = new Dictionary<string, decimal>
        {
            ["request"] = s.Requests,
            ["statusCode3xx"] = MetricFormulas.StatusClassCount(s, 3),
            ["errorRate4xx"] = MetricFormulas.ErrorRate(s, 4),
            ["errorRate5xx"] = MetricFormulas.ErrorRate(s, 5),
            ["chr"] = MetricFormulas.HitRate(s),
            ["chrBandWidth"] = MetricFormulas.ByteHitRate(s),
            ["requestLatency"] = MetricFormulas.MeanMilliseconds(s.TimeTakenUsSum, s.Requests),
            ["requestOriginLatency"] = MetricFormulas.MeanMilliseconds(s.OriginTimeTakenUsSum, s.OriginRequests),
            ["latencyRatio"] = MetricFormulas.Percent(s.Latency1000, s.Requests),
            ["bandwidth"] = MetricFormulas.BitsPerSecond(s.Bytes, Span),
            ["bandwidthOrigin"] = MetricFormulas.BitsPerSecond(s.OriginBytes, Span),
            ["latencyP50"] = MetricFormulas.PercentileMilliseconds(s.TimeTakenHistogram, 50),
            ["ttfbP99"] = MetricFormulas.PercentileMilliseconds(s.FirstByteHistogram, 99),
        };

        foreach (var (name, value) in expected)
        {
            Assert.Equal((double)value, AlarmMetrics.Find(name)!.Value!(s, Span));
        }
    }

    [Fact]
    public void An_empty_base_is_a_missing_sample_where_the_formulas_say_zero()
    {
        var noOrigin = new WindowStats();
        noOrigin.Add(Request(200, 1_000, 10, "Hit", "Hit"));

        Assert.Null(AlarmMetrics.Find("requestOriginLatency")!.Value!(noOrigin, Span));
        Assert.Null(AlarmMetrics.Find("bandwidthOrigin")!.Value!(noOrigin, Span));
        Assert.Null(AlarmMetrics.Find("ttfbP50")!.Value!(new WindowStats(), Span));
        Assert.Null(AlarmMetrics.Find("errorRate5xx")!.Value!(new WindowStats(), Span));
        Assert.Equal(0.0, AlarmMetrics.Find("errorRate5xx")!.Value!(noOrigin, Span));
        Assert.Equal(0.0, AlarmMetrics.Find("statusCode5xx")!.Value!(noOrigin, Span));
    }

    [Fact]
    public void Only_latency_metrics_have_a_distribution_and_only_percentile_metrics_read_histograms_without_ExtendedStatistic()
    {
        Assert.Equal(["requestLatency", "timeToFirstByte"], AlarmMetrics.DistributionNames);
        Assert.Equal(["latencyP50", "latencyP90", "latencyP99", "ttfbP50", "ttfbP90", "ttfbP99"],
            AlarmMetrics.All.Where(m => m.UsesHistograms).Select(m => m.Name));
        Assert.Null(AlarmMetrics.Find("timeToFirstByte")!.Value);
    }

    private static CdnRequest Request(int status, long bytes, double timeTakenMs, string result, string detailed) =>
        new(Minute.ToUnixTimeMilliseconds(), "8.8.8.8", status, bytes, "a.example.com", "/", timeTakenMs, result, detailed, "US", null, timeTakenMs / 4);
}
