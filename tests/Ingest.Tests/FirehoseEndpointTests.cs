using System.Net;
using System.Text.Json;
using Npgsql;

namespace CdnPulse.Ingest.Tests;

/// <summary>
/// <c>POST /firehose</c> on a running Ingest, with requests shaped like the examples in AWS's "HTTP endpoint delivery
/// request and response specifications" (protocol 1.0), publishing to the real RabbitMQ.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FirehoseEndpointTests(ServersFixture servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Answers_the_documented_example_request_with_its_request_id_a_timestamp_and_a_content_length()
    {
        // The specification's example body, verbatim: two records that are not log lines ("hello", "hello world").
        const string example = """
            {
              "requestId": "ed4acda5-034f-9f42-bba1-f29aea6d7d8f",
              "timestamp": 1578090901599,
              "records": [
                {
                  "data": "aGVsbG8="
                },
                {
                  "data": "aGVsbG8gd29ybGQ="
                }
              ]
            }
            """;
        using var response = await PostAsync(example, gzip: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Content.Headers.ContentLength);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ed4acda5-034f-9f42-bba1-f29aea6d7d8f", body.GetProperty("requestId").GetString());
        Assert.True(body.GetProperty("timestamp").GetInt64() > 1_578_090_901_599);
        Assert.False(body.TryGetProperty("errorMessage", out _));

        // Not log lines: counted as rejected, and the (empty) batch still carries the count downstream.
        var batch = await ReceivedAsync("firehose:ed4acda5-034f-9f42-bba1-f29aea6d7d8f");
        Assert.Empty(batch.Requests);
        Assert.Equal(2, batch.RejectedLines);
    }

    [Fact]
    public async Task Publishes_the_lines_of_a_gzip_compressed_delivery()
    {
        var requestId = Guid.NewGuid().ToString();
        var lines = Enumerable.Range(1, 3).Select(n => Convert.ToBase64String(KinesisTraffic.Line("gzip", n))).ToList();
        using var response = await PostAsync(Body(requestId, lines), gzip: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = await ReceivedAsync($"firehose:{requestId}");
        Assert.Equal(["/gzip/1", "/gzip/2", "/gzip/3"], batch.Requests.Select(r => r.UriStem));
        Assert.Equal(0, batch.RejectedLines);
    }

    [Fact]
    public async Task Refuses_a_wrong_access_key_with_401_and_publishes_nothing()
    {
        var requestId = Guid.NewGuid().ToString();
        using var response = await PostAsync(Body(requestId, [Convert.ToBase64String(KinesisTraffic.Line("key", 1))]), gzip: false,
            accessKey: "not-the-configured-access-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(requestId, body.GetProperty("requestId").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("errorMessage").GetString()));
        await AssertNothingPublishedAsync($"firehose:{requestId}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2.0")]
    public async Task Refuses_a_missing_or_unknown_protocol_version_with_400(string? version)
    {
        var requestId = Guid.NewGuid().ToString();
        using var response = await PostAsync(Body(requestId, [Convert.ToBase64String(KinesisTraffic.Line("protocol", 1))]), gzip: false,
            protocolVersion: version);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Amz-Firehose-Protocol-Version", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingPublishedAsync($"firehose:{requestId}");
    }

    [Fact]
    public async Task Answers_a_retried_request_id_with_200_and_publishes_it_only_once()
    {
        var requestId = Guid.NewGuid().ToString();
        var body = Body(requestId, [Convert.ToBase64String(KinesisTraffic.Line("retry", 1))]);
        using (var first = await PostAsync(body, gzip: false))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        await ReceivedAsync($"firehose:{requestId}");
        using (var retry = await PostAsync(body, gzip: true))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal(requestId, JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement.GetProperty("requestId").GetString());
        }

        await AssertNothingPublishedAsync($"firehose:{requestId}", alreadyThere: 1);
        await using var command = servers.Database.CreateCommand("select accepted_lines from ingest.firehose_requests where request_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        Assert.Equal(1, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Answers_413_for_a_body_over_the_limit_plain_or_once_decompressed()
    {
        var requestId = Guid.NewGuid().ToString();
        var huge = Body(requestId, [Convert.ToBase64String(new byte[ServersFixture.HttpBodyLimit])]);
        using (var plain = await PostAsync(huge, gzip: false))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, plain.StatusCode);
            // The unread rest of the body makes the connection unusable; the client must not reuse it.
            Assert.True(plain.Headers.ConnectionClose);
        }
        // Compressed it is tiny; only the decompressed size gives it away.
        using (var bomb = await PostAsync(huge, gzip: true))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bomb.StatusCode);
            Assert.Equal(requestId, JsonDocument.Parse(await bomb.Content.ReadAsStringAsync()).RootElement.GetProperty("requestId").GetString());
        }
        await AssertNothingPublishedAsync($"firehose:{requestId}");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"requestId": "x", "records": "not an array"}""")]
    [InlineData("""{"timestamp": 1}""")]
    public async Task Answers_400_for_a_body_that_is_not_a_firehose_request(string body)
    {
        using var response = await PostAsync(body, gzip: false, requestId: "malformed-" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("malformed-", answer.GetProperty("requestId").GetString(), StringComparison.Ordinal);
        Assert.True(answer.GetProperty("errorMessage").GetString()!.Length is > 0 and <= 8192);
    }

    internal static string Body(string requestId, IReadOnlyList<string> base64Records) =>
        JsonSerializer.Serialize(new { requestId, timestamp = 1_578_090_901_599L, records = base64Records.Select(data => new { data }) });

    private async Task<HttpResponseMessage> PostAsync(string json, bool gzip, string? accessKey = null, string? protocolVersion = "1.0",
        string? requestId = null)
    {
        using var request = await JsonPost.CreateAsync($"{await servers.HttpIngestUrlAsync()}/firehose", json, gzip);
        if (protocolVersion is not null)
        {
            request.Headers.Add("X-Amz-Firehose-Protocol-Version", protocolVersion);
        }
        request.Headers.Add("X-Amz-Firehose-Request-Id", requestId ?? JsonDocument.Parse(json).RootElement.GetProperty("requestId").GetString());
        request.Headers.Add("X-Amz-Firehose-Source-Arn", "arn:aws:firehose:us-east-1:123456789:deliverystream/testStream");
        request.Headers.Add("X-Amz-Firehose-Access-Key", accessKey ?? servers.FirehoseAccessKey);
        return await servers.Http.SendAsync(request);
    }

    private async Task<Contracts.LogBatchReceived> ReceivedAsync(string batchId)
    {
        await Eventually.HoldsAsync(() => servers.Received.Batches(b => b.BatchId == batchId).Count > 0, $"{batchId} reached the bus", Timeout,
            () => string.Join(Environment.NewLine, servers.Log.Tail("ingest-http")));
        return servers.Received.Batches(b => b.BatchId == batchId)[0];
    }

    /// <summary>
    /// A later request on the same instance is published after anything the earlier one could have published, so once
    /// its marker has arrived, the count for <paramref name="batchId"/> is final.
    /// </summary>
    private async Task AssertNothingPublishedAsync(string batchId, int alreadyThere = 0)
    {
        var marker = Guid.NewGuid().ToString();
        using (var response = await PostAsync(Body(marker, [Convert.ToBase64String(KinesisTraffic.Line("marker", 1))]), gzip: false))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await ReceivedAsync($"firehose:{marker}");
        Assert.Equal(alreadyThere, servers.Received.Batches(b => b.BatchId == batchId).Count);
    }
}
