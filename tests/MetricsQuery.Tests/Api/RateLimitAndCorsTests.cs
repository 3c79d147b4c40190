using System.Net;
using CdnPulse.MetricsQuery.Tests.Harness;

namespace CdnPulse.MetricsQuery.Tests.Api;

/// <summary>On the tight instance: 2 requests/s with a burst of 5 per key, CORS for one origin.</summary>
[Collection(MetricsQueryCollection.Name)]
public sealed class RateLimitAndCorsTests(MetricsQueryFixture fixture)
{
    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_while_another_key_is_untouched()
    {
        var (_, busy) = await KeyClient.CreateAsync(fixture, "busy", "read-metrics");
        var (_, quiet) = await KeyClient.CreateAsync(fixture, "quiet", "read-metrics");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(fixture.TightUrl + "/api/v1/metrics", busy, null)));

        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.OK), 5, 10);
        var limited = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After");
        Assert.Contains("Too Many Requests", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync(fixture.TightUrl, "/api/v1/metrics", quiet)).Status);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task The_configured_origin_may_call_with_a_key_and_others_may_not()
    {
        using var allowed = await PreflightAsync(fixture.TightUrl, MetricsQueryFixture.AllowedOrigin);
        using var other = await PreflightAsync(fixture.TightUrl, "https://evil.example.com");
        using var unconfigured = await PreflightAsync(fixture.Url, MetricsQueryFixture.AllowedOrigin);
        using var get = await SendAsync(fixture.TightUrl + "/api/v1/domains", fixture.ApiKey, MetricsQueryFixture.AllowedOrigin);

        Assert.Equal([MetricsQueryFixture.AllowedOrigin], allowed.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("x-api-key", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(unconfigured.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal([MetricsQueryFixture.AllowedOrigin], get.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", string.Join(",", get.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string baseUrl, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, baseUrl + "/api/v1/metrics/requests");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key");
        return await fixture.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string key, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("x-api-key", key);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return await fixture.Http.SendAsync(request);
    }
}
