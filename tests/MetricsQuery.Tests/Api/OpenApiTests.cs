using System.Net;
using CdnPulse.MetricsQuery.Tests.Harness;

namespace CdnPulse.MetricsQuery.Tests.Api;

/// <summary>The OpenAPI document is generated from the endpoints; the API page is served without a CDN.</summary>
[Collection(MetricsQueryCollection.Name)]
public sealed class OpenApiTests(MetricsQueryFixture fixture)
{
    [Fact]
    public async Task The_document_describes_both_apis_their_parameters_and_the_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.GetAsync(fixture.Url, "/openapi/v1.json", null)).Status);

        var (status, document) = await fixture.GetAsync(fixture.Url, "/openapi/v1.json", fixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/metric", "/prod/metric", "/api/v1/domains", "/api/v1/metrics", "/api/v1/metrics/{name}", "/api/v1/metrics/downloadSpeed", "/api/v1/stream", "/api/v1/keys" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
        var parameters = paths.GetProperty("/api/v1/metrics/{name}").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["name", "domain", "from", "to", "interval", "country", "isp", "groupBy", "limit"], parameters);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("x-api-key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
    }

    [Fact]
    public async Task The_api_page_loads_from_the_service_itself()
    {
        using var page = await fixture.Http.GetAsync(fixture.Url + "/api/docs/index.html");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui", html);
        Assert.DoesNotContain("https://", html);
    }
}
