using System.Net;
using System.Text.Json;

namespace CdnPulse.Ingest.Tests;

/// <summary><c>POST /lambda-edge</c> on a running Ingest, publishing to the real RabbitMQ.</summary>
[Collection(ServersCollection.Name)]
public sealed class LambdaEdgeEndpointTests(ServersFixture servers)
{
    [Fact]
    public async Task Publishes_records_in_the_lambda_edge_shape_and_counts_a_bad_one()
    {
        var requestId = Guid.NewGuid().ToString("N");
        var json = $$$"""
            {"records": [
              {"distributionId": "EDFDVBD6EXAMPLE", "requestId": "{{{requestId}}}-1", "clientIp": "203.0.113.178", "uri": "/picture.jpg",
               "method": "GET", "timestamp": 1768471200123,
               "headers": {"host": [{"key": "Host", "value": "d111111abcdef8.cloudfront.net"}],
                           "cloudfront-viewer-country": [{"key": "CloudFront-Viewer-Country", "value": "JP"}]}},
              {"distributionId": "EDFDVBD6EXAMPLE", "requestId": "{{{requestId}}}-2", "clientIp": "2001:db8::1", "uri": "/video.mp4",
               "method": "GET", "timestamp": "2026-01-15T10:00:01.5Z", "status": "206", "bytes": 65536, "timeTaken": 0.25,
               "headers": {"Host": "media.example.com"}},
              {"distributionId": "EDFDVBD6EXAMPLE", "requestId": "{{{requestId}}}-3", "clientIp": "not-an-ip", "uri": "/x",
               "method": "GET", "timestamp": 1768471202, "headers": {"host": "media.example.com"}}
            ]}
            """;
        using var response = await PostAsync(json, gzip: true, servers.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(1, answer.GetProperty("rejected").GetInt32());
        var batchId = answer.GetProperty("batchId").GetString()!;
        Assert.StartsWith("lambda-edge:", batchId, StringComparison.Ordinal);

        await Eventually.HoldsAsync(() => servers.Received.Batches(b => b.BatchId == batchId).Count == 1, $"{batchId} reached the bus", TimeSpan.FromSeconds(20));
        var batch = servers.Received.Batches(b => b.BatchId == batchId)[0];
        Assert.Equal("lambda-edge", batch.Source);
        Assert.Equal(1, batch.RejectedLines);
        var (first, second) = (batch.Requests[0], batch.Requests[1]);
        Assert.Equal(new Contracts.CdnRequest(1_768_471_200_123, "203.0.113.178", 0, 0, "d111111abcdef8.cloudfront.net", "/picture.jpg", 0,
            null, null, "JP", null, null), first);
        Assert.Equal(new Contracts.CdnRequest(1_768_471_201_500, "2001:db8::1", 206, 65536, "media.example.com", "/video.mp4", 250,
            null, null, null, null, null), second);

        // The same records again (a sender's retry) carry the same batch id, so downstream counts them once.
        using var again = await PostAsync(json, gzip: false, servers.ApiKey);
        Assert.Equal(batchId, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("batchId").GetString());

        using var rejects = new HttpRequestMessage(HttpMethod.Get, $"{await servers.HttpIngestUrlAsync()}/rejects");
        rejects.Headers.Add("x-api-key", servers.ApiKey);
        using var rejectsResponse = await servers.Http.SendAsync(rejects);
        var samples = JsonDocument.Parse(await rejectsResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("samples");
        Assert.Contains(samples.EnumerateArray(), s => s.GetProperty("batchId").GetString() == batchId && s.GetProperty("reason").GetString() == "BadIp");
    }

    [Theory]
    [InlineData("""{"notRecords": []}""")]
    [InlineData("""{"records": [""")]
    [InlineData("42")]
    public async Task Answers_400_for_a_body_without_a_record_array(string json)
    {
        using var response = await PostAsync(json, gzip: false, servers.ApiKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Refuses_a_missing_key_with_401_and_a_body_over_the_limit_with_413()
    {
        using var noKey = await PostAsync("[]", gzip: false, apiKey: null);
        var huge = JsonSerializer.Serialize(new { records = new[] { new { uri = new string('a', ServersFixture.HttpBodyLimit) } } });
        using var tooLarge = await PostAsync(huge, gzip: true, servers.ApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string json, bool gzip, string? apiKey)
    {
        using var request = await JsonPost.CreateAsync($"{await servers.HttpIngestUrlAsync()}/lambda-edge", json, gzip);
        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }
        return await servers.Http.SendAsync(request);
    }
}
