using System.Globalization;
using System.Net;
using System.Text.Json;
using CdnPulse.MetricsQuery.Tests.Harness;

namespace CdnPulse.MetricsQuery.Tests.Contract;

/// <summary>GET /metric and /prod/metric answer in the reference's shapes (ReferenceExamples.json) with exact values.</summary>
[Collection(MetricsQueryCollection.Name)]
public sealed class CompatibleApiContractTests(MetricsQueryFixture fixture)
{
    private static readonly string Window =
        $"StartTime={TestTraffic.CompatibleTime(TestTraffic.FirstMinute)}&EndTime={TestTraffic.CompatibleTime(TestTraffic.End)}";

    [Theory]
    [MemberData(nameof(ReferenceExamples.Metrics), MemberType = typeof(ReferenceExamples))]
    public async Task Every_metric_has_the_reference_shape(string metric)
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, $"/prod/metric?{Window}&Metric={metric}&Domain={TestTraffic.Domain}", fixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertEnvelope(body, [metric], "5min", "all");
        var detail = CdnData(body).Single().GetProperty("DetailData");
        foreach (var point in detail.EnumerateArray())
        {
            JsonShape.AssertLike(ReferenceExamples.Point(metric), point, metric);
        }
    }

    [Fact]
    public async Task Metric_all_answers_exactly_the_reference_metrics_in_its_order()
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=all&Domain={TestTraffic.Domain}", fixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        var names = CdnData(body).Select(d => d.GetProperty("Metric").GetString()!).ToList();
        // The reference's eighteen (§4.3) and nothing else: download speed, percentiles and error rates are asked for by name.
        Assert.Equal(ReferenceExamples.All, names);
        AssertEnvelope(body, ReferenceExamples.All, "5min", "all");
        foreach (var data in CdnData(body))
        {
            var metric = data.GetProperty("Metric").GetString()!;
            Assert.NotEmpty(data.GetProperty("DetailData").EnumerateArray());
            foreach (var point in data.GetProperty("DetailData").EnumerateArray())
            {
                JsonShape.AssertLike(ReferenceExamples.Point(metric), point, metric);
            }
        }
    }

    [Fact]
    public async Task Metric_all_carries_the_same_values_as_each_metric_asked_alone()
    {
        var (_, all) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=all&Domain={TestTraffic.Domain}&Interval=1min", fixture.ApiKey);

        foreach (var data in CdnData(all))
        {
            var metric = data.GetProperty("Metric").GetString()!;
            var (_, alone) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric={metric}&Domain={TestTraffic.Domain}&Interval=1min", fixture.ApiKey);
            Assert.Equal(Points(alone).Select(p => p.GetRawText()), data.GetProperty("DetailData").EnumerateArray().Select(p => p.GetRawText()));
        }
    }

    [Theory]
    [InlineData("downloadSpeed")]
    [InlineData("downloadSpeedOrigin")]
    [InlineData("latencyP99")]
    [InlineData("ttfbP50")]
    [InlineData("errorRate4xx")]
    public async Task CdnPulse_additions_are_answered_by_name(string metric)
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric={metric}&Domain={TestTraffic.Domain}", fixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertEnvelope(body, [metric], "5min", "all");
        Assert.Single(Points(body));
    }

    [Fact]
    public async Task Percentiles_and_error_rates_by_name_are_exact_for_the_window()
    {
        var (_, p99) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=latencyP99&Domain={TestTraffic.Domain}", fixture.ApiKey);
        var (_, errors) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=errorRate4xx&Domain={TestTraffic.Domain}", fixture.ApiKey);

        var sorted = TestTraffic.All.Select(r => r.TimeTakenMs).Order().ToList();
        var exact = (decimal)sorted[(int)Math.Ceiling(sorted.Count * 0.99) - 1];
        var served = decimal.Parse(Points(p99).Single().GetProperty("Value").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(served, exact - (exact / 128) - 0.001m, exact + (exact / 128) + 0.001m);
        var rate = 100m * TestTraffic.All.Count(r => r.Status == 404) / TestTraffic.All.Count;
        Assert.Equal(Math.Round(rate, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture),
            Points(errors).Single().GetProperty("Value").GetString());
    }

    [Fact]
    public async Task Download_speed_has_the_reference_country_isp_bucket_shape()
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=downloadSpeed&Domain={TestTraffic.Domain}", fixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        var point = Points(body).Single();
        Assert.Equal(TestTraffic.End.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), point.GetProperty("Time").GetString());
        var value = point.GetProperty("Value");
        Assert.Equal(TestTraffic.End.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), value.GetProperty("timestamp").GetString());
        Assert.Equal(TestTraffic.Domain, value.GetProperty("domain").GetString());
        var countries = value.EnumerateObject().Where(p => p.Name is not ("timestamp" or "domain")).ToList();
        Assert.Equal(TestTraffic.Countries.Order(StringComparer.Ordinal), countries.Select(c => c.Name).Order(StringComparer.Ordinal));
        foreach (var isp in countries.SelectMany(c => c.Value.EnumerateObject()))
        {
            Assert.Equal(["250K", "500K", "750K", "1M", "2M", "3M", "4M", "Other"], isp.Value.EnumerateObject().Select(b => b.Name));
            Assert.All(isp.Value.EnumerateObject(), b => Assert.Matches(@"^[01]\.\d\d$", b.Value.GetString()));
        }
    }

    [Fact]
    public async Task Time_is_the_window_end_and_values_are_exact_strings()
    {
        var (_, byMinute) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=request&Domain={TestTraffic.Domain}&Interval=1min", fixture.ApiKey);
        var (_, byWindow) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=downstreamTraffic&Domain={TestTraffic.Domain}", fixture.ApiKey);
        var (_, us) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=request&Domain={TestTraffic.Domain}&Country=US&Interval=1min", fixture.ApiKey);

        AssertEnvelope(byMinute, ["request"], "1min", "all");
        var expectedTimes = Enumerable.Range(1, TestTraffic.Minutes).Select(m => TestTraffic.FirstMinute.AddMinutes(m).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        var perMinute = TestTraffic.All.GroupBy(r => r.TimestampMs / 60_000).OrderBy(g => g.Key).ToList();
        Assert.Equal(expectedTimes, Points(byMinute).Select(p => p.GetProperty("Time").GetString()));
        Assert.Equal(perMinute.Select(g => g.Count().ToString(CultureInfo.InvariantCulture)), Points(byMinute).Select(p => p.GetProperty("Value").GetString()));
        Assert.Equal([TestTraffic.End.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)], Points(byWindow).Select(p => p.GetProperty("Time").GetString()));
        Assert.Equal(TestTraffic.All.Sum(r => r.BytesSent).ToString(CultureInfo.InvariantCulture), Points(byWindow).Single().GetProperty("Value").GetString());
        AssertEnvelope(us, ["request"], "1min", "US");
        Assert.Equal(perMinute.Select(g => g.Count(r => r.Country == "US").ToString(CultureInfo.InvariantCulture)), Points(us).Select(p => p.GetProperty("Value").GetString()));
        Assert.NotEqual(RequestId(byMinute), RequestId(byWindow));
    }

    [Fact]
    public async Task Status_codes_and_edge_types_carry_counts_and_mean_latencies_as_strings()
    {
        var (_, statuses) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=statusCode&Domain={TestTraffic.Domain}", fixture.ApiKey);
        var (_, edges) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=edgeTypeLatency&Domain={TestTraffic.Domain}", fixture.ApiKey);
        var (_, ratio) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=latencyRatio&Domain={TestTraffic.Domain}", fixture.ApiKey);

        var notFound = TestTraffic.All.Where(r => r.Status == 404).ToList();
        var status404 = Points(statuses).Single().GetProperty("Value").EnumerateArray().Single(e => e.GetProperty("StatusCode").GetString() == "404");
        Assert.Equal(notFound.Count.ToString(CultureInfo.InvariantCulture), status404.GetProperty("Count").GetString());
        Assert.Equal(notFound.Average(r => r.TimeTakenMs).ToString("0.000", CultureInfo.InvariantCulture), status404.GetProperty("Latency").GetString());
        var hits = TestTraffic.All.Where(r => r.EdgeResponseResultType == "Hit").ToList();
        var hit = Points(edges).Single().GetProperty("Value").EnumerateArray().Single(e => e.GetProperty("EdgeType").GetString() == "Hit");
        Assert.Equal(hits.Count.ToString(CultureInfo.InvariantCulture), hit.GetProperty("Count").GetString());
        Assert.Equal(hits.Average(r => r.TimeTakenMs).ToString("0.000", CultureInfo.InvariantCulture), hit.GetProperty("Latency").GetString());
        var slow = 100.0 * TestTraffic.All.Count(r => r.TimeTakenMs >= 1000) / TestTraffic.All.Count;
        Assert.Equal(Math.Round(slow, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture), Points(ratio).Single().GetProperty("Value").GetString());
    }

    [Fact]
    public async Task Top_urls_list_paths_with_integer_counts_and_sizes()
    {
        var (_, requests) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=topNUrlRequests&Domain={TestTraffic.Domain}", fixture.ApiKey);
        var (_, sizes) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=topNUrlSize&Domain={TestTraffic.Domain}", fixture.ApiKey);

        var byPath = TestTraffic.All.GroupBy(r => r.UriStem).ToDictionary(g => g.Key, g => (Count: g.Count(), Size: g.Sum(r => r.BytesSent)));
        var top = Points(requests).Single().GetProperty("Value").EnumerateArray().ToList();
        Assert.Equal(byPath.Count, top.Count);
        Assert.All(top, e => Assert.Equal(byPath[e.GetProperty("Path").GetString()!].Count, e.GetProperty("Count").GetInt64()));
        Assert.All(Points(sizes).Single().GetProperty("Value").EnumerateArray(),
            e => Assert.Equal(byPath[e.GetProperty("Path").GetString()!].Size, e.GetProperty("Size").GetInt64()));
    }

    [Fact]
    public async Task An_unknown_domain_has_empty_detail_data()
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, $"/metric?{Window}&Metric=request&Domain=nobody.example.com", fixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Points(body));
    }

    [Theory]
    [InlineData("EndTime=2026-01-15%2010:05:00&Metric=request&Domain=d", "StartTime")]
    [InlineData("StartTime=2026-01-15T10:00:00&EndTime=2026-01-15%2010:05:00&Metric=request&Domain=d", "StartTime")]
    [InlineData("StartTime=2026-01-15%2010:00:00&Metric=request&Domain=d", "EndTime")]
    [InlineData("StartTime=2026-01-15%2010:00:00&EndTime=2026-01-15%2010:05:00&Domain=d", "Metric")]
    [InlineData("StartTime=2026-01-15%2010:00:00&EndTime=2026-01-15%2010:05:00&Metric=requests&Domain=d", "Metric")]
    [InlineData("StartTime=2026-01-15%2010:00:00&EndTime=2026-01-15%2010:05:00&Metric=request", "Domain")]
    [InlineData("StartTime=2026-01-15%2010:00:00&EndTime=2026-01-15%2010:05:00&Metric=request&Domain=d&Interval=2min", "Interval")]
    public async Task A_missing_or_bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, "/metric?" + query, fixture.ApiKey);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key-not-a-key")]
    public async Task A_missing_or_unknown_key_is_403_forbidden_as_api_gateway_says_it(string? key)
    {
        var (status, body) = await fixture.GetAsync(fixture.Url, $"/prod/metric?{Window}&Metric=request&Domain=d", key);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("""{"message":"Forbidden"}""", body.GetRawText());
    }

    private static void AssertEnvelope(JsonElement body, IReadOnlyList<string> metrics, string interval, string country)
    {
        JsonShape.AssertLike(StripDetail(ReferenceExamples.Envelope), StripDetail(body));
        var response = body.GetProperty("Response");
        Assert.Equal(metrics, CdnData(body).Select(d => d.GetProperty("Metric").GetString()));
        Assert.Equal(interval, response.GetProperty("Interval").GetString());
        Assert.Equal(country, response.GetProperty("Country").GetString());
        Assert.False(string.IsNullOrWhiteSpace(RequestId(body)));
    }

    /// <summary>The envelope without its DetailData points, whose shapes are compared per metric.</summary>
    private static JsonElement StripDetail(JsonElement body)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(body.GetRawText())!;
        var cdn = node["Response"]!["Data"]![0]!["CdnData"]!.AsArray();
        while (cdn.Count > 1)
        {
            cdn.RemoveAt(1);
        }
        cdn[0]!["DetailData"] = new System.Text.Json.Nodes.JsonArray();
        cdn[0]!["Metric"] = "m";
        return JsonDocument.Parse(node.ToJsonString()).RootElement;
    }

    private static IEnumerable<JsonElement> CdnData(JsonElement body) =>
        body.GetProperty("Response").GetProperty("Data").EnumerateArray().Single().GetProperty("CdnData").EnumerateArray();

    private static List<JsonElement> Points(JsonElement body) => CdnData(body).Single().GetProperty("DetailData").EnumerateArray().ToList();

    private static string? RequestId(JsonElement body) => body.GetProperty("Response").GetProperty("RequestId").GetString();
}
