using System.Globalization;
using System.Text.Json.Nodes;

namespace CdnPulse.Aggregation.Tests;

[Collection(SystemCollection.Name)]
public sealed class GroundTruthTests(SystemFixture fixture)
{
    private const string Domain = "truth.example.com";
    private const string OtherDomain = "truth-b.example.com";

    /// <summary>What Metric=all answers: exactly the reference's 18 (docs/metrics.md).</summary>
    private static readonly string[] AllMetrics =
    [
        "request", "requestOrigin", "requestLatency", "requestOriginLatency", "statusCode", "statusCodeLatency",
        "statusCodeOrigin", "statusCodeOriginLatency", "chr", "chrBandWidth", "bandwidth", "bandwidthOrigin",
        "latencyRatio", "topNUrlRequests", "topNUrlSize", "downstreamTraffic", "edgeType", "edgeTypeLatency",
    ];

    /// <summary>CdnPulse's additions, asked for by name.</summary>
    private static readonly string[] Additions =
    [
        "downloadSpeed", "downloadSpeedOrigin", "latencyP50", "latencyP90", "latencyP99", "ttfbP50", "ttfbP90", "ttfbP99",
        "errorRate4xx", "errorRate5xx",
    ];

    [Fact]
    public async Task Every_metric_matches_values_computed_from_the_lines_sent_through_Kinesis_and_Firehose()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        // Three hours ago, hour-aligned: well inside the retention, and whole 5-minute and 1-hour windows.
        var now = DateTimeOffset.UtcNow;
        var first = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-3);
        var lines = new TrafficGenerator(20261120).Generate(6000, [Domain, Domain, OtherDomain], first, 7);
        var half = lines.Count / 2;
        await Traffic.PutKinesisAsync(fixture.System, lines.Take(half).ToList(), linesPerRecord: 40, ct);
        await Traffic.PostFirehoseAsync(fixture, lines.Skip(half).ToList(), linesPerRecord: 20, recordsPerRequest: 50, ct);

        foreach (var domain in new[] { Domain, OtherDomain })
        {
            var sent = lines.Count(r => r.Host == domain);
            await Eventually.ReachesAsync(() => fixture.Api.RequestsAsync(domain, first, first.AddHours(1), ct), n => n == sent,
                TimeSpan.FromSeconds(60), n => $"{domain}: {n} of {sent} requests counted; {fixture.AggregationLog()}", ct);
        }

        var expected = new ExpectedMetrics(lines, IspTable.Lookup(TrafficGenerator.Addresses));
        var end = first.AddMinutes(10);
        foreach (var (domain, interval, length, country) in new[]
                 {
                     (Domain, "1min", TimeSpan.FromMinutes(1), (string?)null),
                     (Domain, "5min", TimeSpan.FromMinutes(5), "DE"),
                     (OtherDomain, "1h", TimeSpan.FromHours(1), null),
                 })
        {
            var rangeEnd = interval == "1h" ? first.AddHours(1) : end;
            var data = await fixture.Api.GetAsync("all", domain, first, rangeEnd, interval, country, ct);
            Assert.Equal(AllMetrics, data.Select(d => d!["Metric"]!.GetValue<string>()));
            var additions = new List<JsonNode?>();
            foreach (var addition in Additions)
            {
                additions.AddRange(await fixture.Api.GetAsync(addition, domain, first, rangeEnd, interval, country, ct));
            }
            foreach (var entry in data.Concat(additions))
            {
                var metric = entry!["Metric"]!.GetValue<string>();
                var actual = entry["DetailData"]!.AsArray();
                Assert.True(actual.Count > 0, $"{metric} ({interval}, {country ?? "all"}) has no data");
                if (metric.StartsWith("latencyP", StringComparison.Ordinal) || metric.StartsWith("ttfbP", StringComparison.Ordinal))
                {
                    var durations = expected.Durations(domain, country, first, rangeEnd, length, firstByte: metric.StartsWith("ttfb", StringComparison.Ordinal));
                    AssertPercentiles(metric, int.Parse(metric[^2..], CultureInfo.InvariantCulture), durations, actual);
                }
                else
                {
                    var want = expected.DetailData(metric, domain, country, first, rangeEnd, length);
                    Assert.True(want.ToJsonString() == actual.ToJsonString(),
                        $"{metric} ({domain}, {interval}, {country ?? "all"}):\n expected {want.ToJsonString()}\n actual   {actual.ToJsonString()}");
                }
            }
        }
    }

    /// <summary>Each window's percentile is within 1/128 of the exact nearest-rank value (plus half of the last printed digit).</summary>
    private static void AssertPercentiles(string metric, int percent, List<(string Time, long[] Microseconds)> windows, JsonArray actual)
    {
        Assert.Equal(windows.Select(w => w.Time), actual.Select(p => p!["Time"]!.GetValue<string>()));
        foreach (var ((time, values), point) in windows.Zip(actual))
        {
            var reported = decimal.Parse(point!["Value"]!.GetValue<string>(), CultureInfo.InvariantCulture) * 1000m;
            if (values.Length == 0)
            {
                Assert.Equal(0m, reported);
                continue;
            }
            var exact = values[(int)Math.Ceiling(values.Length * percent / 100m) - 1];
            Assert.True(Math.Abs(reported - exact) <= (exact / 128m) + 0.5m,
                $"{metric} at {time}: reported {reported} µs, exact nearest-rank {exact} µs of {values.Length} values");
        }
    }
}
