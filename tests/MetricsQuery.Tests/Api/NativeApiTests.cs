using System.Net;
using System.Text.Json;
using CdnPulse.MetricsQuery.Tests.Harness;

namespace CdnPulse.MetricsQuery.Tests.Api;

/// <summary>The native API v1 against <see cref="TestTraffic"/>: numbers with units, groups, top-N and download speed.</summary>
[Collection(MetricsQueryCollection.Name)]
public sealed class NativeApiTests(MetricsQueryFixture fixture)
{
    private static readonly string Range =
        $"domain={TestTraffic.Domain}&from={MetricsQueryFixture.Iso(TestTraffic.FirstMinute)}&to={MetricsQueryFixture.Iso(TestTraffic.End)}";

    [Fact]
    public async Task Domains_list_the_traffic_domain_with_its_last_minute()
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, "/api/v1/domains", fixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        var domain = body.EnumerateArray().Single(d => d.GetProperty("name").GetString() == TestTraffic.Domain);
        Assert.Equal(TestTraffic.End.AddMinutes(-1), domain.GetProperty("lastMinute").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_catalogue_gives_every_metric_a_unit_a_definition_and_a_path()
    {
        var (_, body) = await fixture.GetAsync(fixture.Url, "/api/v1/metrics", fixture.ApiKey);

        var metrics = body.EnumerateArray().ToList();
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "latencyP99" && m.GetProperty("unit").GetString() == "ms");
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "downloadSpeed" && m.GetProperty("kind").GetString() == "distribution"
            && m.GetProperty("groupBy").EnumerateArray().Any(g => g.GetString() == "isp"));
        Assert.All(metrics, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("description").GetString()));
            Assert.Equal("/api/v1/metrics/" + m.GetProperty("name").GetString(), m.GetProperty("path").GetString());
        });
    }

    [Fact]
    public async Task Requests_per_minute_are_json_numbers_at_iso_times_with_a_total()
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, $"/api/v1/metrics/requests?{Range}&interval=1m", fixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("count", body.GetProperty("unit").GetString());
        Assert.Equal(60, body.GetProperty("intervalSeconds").GetInt64());
        Assert.EndsWith("Z", body.GetProperty("from").GetString());
        var series = body.GetProperty("series").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, series.GetProperty("group").ValueKind);
        Assert.Equal(TestTraffic.All.Count, series.GetProperty("total").GetInt64());
        var expected = Enumerable.Range(0, TestTraffic.Minutes).Select(m => (long)(20 + (4 * m)));
        Assert.Equal(expected, series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetInt64()));
        Assert.Equal(TestTraffic.FirstMinute, series.GetProperty("points")[0].GetProperty("start").GetDateTimeOffset());
    }

    [Fact]
    public async Task Rates_over_the_range_are_exact()
    {
        var all = TestTraffic.All;
        var hitRate = await TotalAsync("cacheHitRate");
        var byteHitRate = await TotalAsync("byteHitRate");
        var bandwidth = await TotalAsync("bandwidth");
        var errors5xx = await TotalAsync("errorRate5xx");
        var mean = await TotalAsync("latencyMean");

        Assert.Equal(Round(100m * all.Count(TestTraffic.IsHit) / all.Count, 2), hitRate);
        Assert.Equal(Round(100m * all.Where(TestTraffic.IsHit).Sum(r => r.BytesSent) / all.Sum(r => r.BytesSent), 2), byteHitRate);
        Assert.Equal(Round(all.Sum(r => r.BytesSent) * 8m / (TestTraffic.Minutes * 60), 2), bandwidth);
        Assert.Equal(Round(100m * all.Count(r => r.Status == 503) / all.Count, 2), errors5xx);
        Assert.Equal(Round((decimal)all.Average(r => r.TimeTakenMs), 3), mean);
    }

    [Fact]
    public async Task Latency_percentiles_are_within_the_histogram_error_of_the_exact_rank()
    {
        var sorted = TestTraffic.All.Select(r => r.TimeTakenMs).Order().ToList();
        foreach (var percent in new[] { 50, 90, 99 })
        {
            var exact = (decimal)sorted[(int)Math.Ceiling(sorted.Count * percent / 100.0) - 1];
            var served = await TotalAsync($"latencyP{percent}");
            Assert.InRange(served!.Value, exact * 0.99m, exact * 1.01m);
        }
    }

    [Theory]
    [InlineData("country")]
    [InlineData("status")]
    [InlineData("edgeType")]
    public async Task Grouped_requests_match_the_traffic_per_group(string groupBy)
    {
        Func<Contracts.CdnRequest, string> key = groupBy switch
        {
            "country" => r => r.Country!,
            "status" => r => r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => r => r.EdgeResponseResultType!,
        };
        var expected = TestTraffic.All.GroupBy(key).ToDictionary(g => g.Key, g => (long)g.Count());

        var (status, body) = await fixture.GetAsync(fixture.Url, $"/api/v1/metrics/requests?{Range}&groupBy={groupBy}&interval=total", fixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(groupBy, body.GetProperty("groupBy").GetString());
        Assert.Equal(expected.Count, body.GetProperty("groupCount").GetInt32());
        var served = body.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("group").GetString()!, s => s.GetProperty("total").GetInt64());
        Assert.Equal(expected.OrderBy(kv => kv.Key), served.OrderBy(kv => kv.Key));
        var totals = body.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("total").GetInt64()).ToList();
        Assert.Equal(totals.OrderDescending(), totals);
    }

    [Fact]
    public async Task A_country_filter_and_a_group_limit_narrow_the_answer()
    {
        var (_, us) = await fixture.GetAsync(fixture.Url, $"/api/v1/metrics/bytes?{Range}&country=US&interval=total", fixture.ApiKey);
        var (_, top) = await fixture.GetAsync(fixture.Url, $"/api/v1/metrics/requests?{Range}&groupBy=status&limit=1&interval=total", fixture.ApiKey);

        Assert.Equal(TestTraffic.All.Where(r => r.Country == "US").Sum(r => r.BytesSent), us.GetProperty("series")[0].GetProperty("total").GetInt64());
        Assert.Equal("200", top.GetProperty("series").EnumerateArray().Single().GetProperty("group").GetString());
        Assert.Equal(3, top.GetProperty("groupCount").GetInt32());
    }

    [Fact]
    public async Task Top_urls_rank_paths_over_any_range()
    {
        var (_, byRequests) = await fixture.GetAsync(fixture.Url, $"/api/v1/metrics/topUrlsByRequests?{Range}&limit=2", fixture.ApiKey);
        var (_, byBytes) = await fixture.GetAsync(fixture.Url, $"/api/v1/metrics/topUrlsByBytes?{Range}", fixture.ApiKey);

        var requests = TestTraffic.All.GroupBy(r => r.UriStem).Select(g => (Path: g.Key, Value: (long)g.Count())).OrderByDescending(p => p.Value).ThenBy(p => p.Path, StringComparer.Ordinal).ToList();
        var bytes = TestTraffic.All.GroupBy(r => r.UriStem).Select(g => (Path: g.Key, Value: g.Sum(r => r.BytesSent))).OrderByDescending(p => p.Value).ToList();
        Assert.Equal(requests.Take(2), byRequests.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("path").GetString()!, i.GetProperty("value").GetInt64())));
        Assert.Equal([1, 2], byRequests.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("rank").GetInt32()));
        Assert.Equal(bytes, byBytes.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("path").GetString()!, i.GetProperty("value").GetInt64())));
    }

    [Fact]
    public async Task Download_speed_splits_by_isp_and_filters_one()
    {
        var eligible = TestTraffic.All.Where(TestTraffic.CountsForDownloadSpeed).ToList();
        var perIsp = eligible.GroupBy(TestTraffic.IspOf).ToDictionary(g => g.Key, g => (long)g.Count());

        var (status, byIsp) = await fixture.GetAsync(fixture.Url, $"/api/v1/metrics/downloadSpeed?{Range}&groupBy=isp&interval=total", fixture.ApiKey);
        var (_, google) = await fixture.GetAsync(fixture.Url, $"/api/v1/metrics/downloadSpeed?{Range}&isp=Google%20LLC&interval=1m", fixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(8, byIsp.GetProperty("buckets").GetArrayLength());
        var served = byIsp.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("group").GetString()!, s => s.GetProperty("total").GetInt64());
        Assert.Equal(perIsp.OrderBy(kv => kv.Key), served.OrderBy(kv => kv.Key));
        var only = google.GetProperty("series").EnumerateArray().Single();
        Assert.Equal(perIsp["Google LLC"], only.GetProperty("total").GetInt64());
        Assert.Equal(perIsp["Google LLC"], only.GetProperty("distribution").EnumerateArray().Sum(b => b.GetProperty("requests").GetInt64()));
        Assert.Equal(perIsp["Google LLC"], only.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt64())));
    }

    [Theory]
    [InlineData("/api/v1/metrics/requests?from=now-1h", HttpStatusCode.BadRequest, "domain")]
    [InlineData("/api/v1/metrics/requests?domain=d&from=2026-01-15+10:00", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/v1/metrics/requests?domain=d&interval=7m", HttpStatusCode.BadRequest, "interval")]
    [InlineData("/api/v1/metrics/requests?domain=d&groupBy=isp", HttpStatusCode.BadRequest, "groupBy")]
    [InlineData("/api/v1/metrics/bytes?domain=d&isp=Quad9", HttpStatusCode.BadRequest, "isp")]
    [InlineData("/api/v1/metrics/topUrlsByBytes?domain=d&limit=101", HttpStatusCode.BadRequest, "limit")]
    [InlineData("/api/v1/metrics/nonsense?domain=d", HttpStatusCode.NotFound, "name")]
    public async Task Bad_parameters_are_named(string path, HttpStatusCode expected, string parameter)
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, path, fixture.ApiKey);

        Assert.Equal(expected, status);
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Without_a_key_the_native_api_answers_401()
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, $"/api/v1/metrics/requests?{Range}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("x-api-key", body.GetProperty("message").GetString());
    }

    private async Task<decimal?> TotalAsync(string metric)
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, $"/api/v1/metrics/{metric}?{Range}&interval=total", fixture.ApiKey);
        Assert.Equal(HttpStatusCode.OK, status);
        var total = body.GetProperty("series")[0].GetProperty("total");
        return total.ValueKind == JsonValueKind.Null ? null : total.GetDecimal();
    }

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
