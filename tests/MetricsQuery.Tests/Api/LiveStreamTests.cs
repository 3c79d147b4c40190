using System.Globalization;
using System.Net;
using System.Text.Json;
using CdnPulse.MetricsQuery.Tests.Harness;

namespace CdnPulse.MetricsQuery.Tests.Api;

/// <summary>The live stream: every instance announces every window update, once the update can be queried.</summary>
[Collection(MetricsQueryCollection.Name)]
public sealed class LiveStreamTests(MetricsQueryFixture fixture)
{
    [Fact]
    public async Task Every_instance_announces_a_changed_window_once_it_is_queryable_and_drops_it_from_its_cache()
    {
        var domain = $"live-{Guid.NewGuid():N}.example.com"[..30];
        var minute = DateTimeOffset.UtcNow.AddMinutes(-2);
        minute = new DateTimeOffset(minute.Year, minute.Month, minute.Day, minute.Hour, minute.Minute, 0, TimeSpan.Zero);
        var lines = TestTraffic.Minute(domain, minute, 12);
        await using var main = await SseClient.OpenAsync(fixture.Http, $"{fixture.Url}/api/v1/stream?domain={domain}", fixture.ApiKey);
        await using var second = await SseClient.OpenAsync(fixture.Http, $"{fixture.TightUrl}/api/v1/stream?domain={domain}", fixture.ApiKey);
        await using var otherDomain = await SseClient.OpenAsync(fixture.Http, $"{fixture.Url}/api/v1/stream?domain=someone-else.example.com", fixture.ApiKey);
        Assert.NotNull(await main.NextAsync("ready", TimeSpan.FromSeconds(10)));
        Assert.NotNull(await second.NextAsync("ready", TimeSpan.FromSeconds(10)));
        Assert.NotNull(await otherDomain.NextAsync("ready", TimeSpan.FromSeconds(10)));

        // Both instances cache the (empty) minute first: the update must evict it.
        var query = $"/api/v1/metrics/requests?domain={domain}&from={MetricsQueryFixture.Iso(minute)}&to={MetricsQueryFixture.Iso(minute.AddMinutes(1))}&interval=total";
        Assert.Equal(0, (await fixture.GetAsync(fixture.Url, query, fixture.ApiKey)).Body.GetProperty("series")[0].GetProperty("total").GetInt64());
        Assert.Equal(0, (await fixture.GetAsync(fixture.TightUrl, query, fixture.ApiKey)).Body.GetProperty("series")[0].GetProperty("total").GetInt64());
        // The compatible API reads through the same cache, top URLs included.
        var compatible = $"/metric?StartTime={TestTraffic.CompatibleTime(minute)}&EndTime={TestTraffic.CompatibleTime(minute.AddMinutes(1))}&Domain={domain}&Interval=1min";
        Assert.Empty(CompatibleDetail((await fixture.GetAsync(fixture.Url, compatible + "&Metric=request", fixture.ApiKey)).Body));
        Assert.Empty(CompatibleDetail((await fixture.GetAsync(fixture.Url, compatible + "&Metric=topNUrlRequests", fixture.ApiKey)).Body));

        await fixture.SendAsync(lines, CancellationToken.None);

        var update = await main.NextAsync("window", TimeSpan.FromSeconds(60));
        Assert.NotNull(update);
        Assert.Equal(domain, update.Value.GetProperty("domain").GetString());
        Assert.Equal(minute, update.Value.GetProperty("windowStart").GetDateTimeOffset());
        Assert.Equal(minute.AddMinutes(1), update.Value.GetProperty("windowEnd").GetDateTimeOffset());
        // Announced only after the projection applied it and the cache dropped it: the query right after the event sees the lines.
        var (status, body) = await fixture.GetAsync(fixture.Url, query, fixture.ApiKey);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(lines.Count, body.GetProperty("series")[0].GetProperty("total").GetInt64());
        var request = CompatibleDetail((await fixture.GetAsync(fixture.Url, compatible + "&Metric=request", fixture.ApiKey)).Body);
        Assert.Equal(lines.Count.ToString(CultureInfo.InvariantCulture), Assert.Single(request).GetProperty("Value").GetString());
        var top = Assert.Single(CompatibleDetail((await fixture.GetAsync(fixture.Url, compatible + "&Metric=topNUrlRequests", fixture.ApiKey)).Body));
        var expectedTop = lines.GroupBy(l => l.UriStem).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (long)g.Count()));
        Assert.Equal(expectedTop, top.GetProperty("Value").EnumerateArray().Select(u => (u.GetProperty("Path").GetString()!, u.GetProperty("Count").GetInt64())));
        var elsewhere = await second.NextAsync("window", TimeSpan.FromSeconds(30));
        Assert.Equal(domain, elsewhere?.GetProperty("domain").GetString());
        Assert.Equal(lines.Count, (await fixture.GetAsync(fixture.TightUrl, query, fixture.ApiKey)).Body.GetProperty("series")[0].GetProperty("total").GetInt64());
        Assert.Null(await otherDomain.NextAsync("window", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task The_stream_needs_a_key_with_the_read_scope()
    {
        var (_, ingestOnly) = await KeyClient.CreateAsync(fixture, "stream-denied", "ingest");

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.GetAsync(fixture.Url, "/api/v1/stream", null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.GetAsync(fixture.Url, "/api/v1/stream", ingestOnly)).Status);
    }

    private static List<JsonElement> CompatibleDetail(JsonElement body) =>
        body.GetProperty("Response").GetProperty("Data")[0].GetProperty("CdnData")[0].GetProperty("DetailData").EnumerateArray().ToList();
}
