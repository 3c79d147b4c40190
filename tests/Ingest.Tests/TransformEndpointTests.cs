using System.Net;
using System.Text;
using System.Text.Json;
using CdnPulse.ServiceDefaults.ApiKeys;

namespace CdnPulse.Ingest.Tests;

/// <summary><c>POST /firehose/transform</c> on a running Ingest, with events shaped like AWS's data-transformation examples.</summary>
[Collection(ServersCollection.Name)]
public sealed class TransformEndpointTests(ServersFixture servers)
{
    [Fact]
    public async Task Transforms_a_kinesis_sourced_event_and_returns_every_record_id_with_its_result()
    {
        // The shape of AWS's Kinesis-sourced example event; the data are real-time log lines, one with an invalid IP.
        var good = TransformData.Line(TestIpData.GoogleIp);
        var invalidIp = TransformData.Line("300.1.1.1");
        var json = $$"""
            {
              "invocationId": "2b4d1ad9-2f48-94bd-a088-767c317e994a",
              "sourceKinesisStreamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/kinesis-source",
              "deliveryStreamArn": "arn:aws:firehose:us-east-2:123456789012:deliverystream/delivery-stream-name",
              "region": "us-east-2",
              "records": [
                {
                  "data": "{{TransformData.Base64(good + "\n")}}",
                  "recordId": "record1",
                  "approximateArrivalTimestamp": 1664028820148,
                  "kinesisRecordMetadata": {
                    "shardId": "shardId-000000000000",
                    "partitionKey": "4d1ad2b9-24f8-4b9d-a088-76e9947c317a",
                    "approximateArrivalTimestamp": 1664028820148,
                    "sequenceNumber": "49546986683135544286507457936321625675700192471156785154",
                    "subsequenceNumber": 0
                  }
                },
                {
                  "data": "{{TransformData.Base64(invalidIp + "\n")}}",
                  "recordId": "record2",
                  "approximateArrivalTimestamp": 1664028820149,
                  "kinesisRecordMetadata": {
                    "shardId": "shardId-000000000000",
                    "partitionKey": "4d1ad2b9-24f8-4b9d-a088-76e9947c317b",
                    "approximateArrivalTimestamp": 1664028820149,
                    "sequenceNumber": "49546986683135544286507457936321625675700192471156785155",
                    "subsequenceNumber": "0"
                  }
                }
              ]
            }
            """;
        using var response = await PostAsync(json, servers.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var records = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("records");
        Assert.Equal(2, records.GetArrayLength());
        Assert.Equal("record1", records[0].GetProperty("recordId").GetString());
        Assert.Equal("Ok", records[0].GetProperty("result").GetString());
        Assert.Equal(good + "\tGoogle LLC\tUS\n", TransformData.Decode(records[0].GetProperty("data").GetString()!));
        var keys = records[0].GetProperty("metadata").GetProperty("partitionKeys");
        Assert.Equal(
            ["2026", "01", "15", "10", "00", "www.example.com"],
            new[] { "year", "month", "day", "hour", "minute", "domain" }.Select(k => keys.GetProperty(k).GetString()));
        Assert.Equal("record2", records[1].GetProperty("recordId").GetString());
        Assert.Equal("ProcessingFailed", records[1].GetProperty("result").GetString());
        Assert.Equal(invalidIp + "\n", TransformData.Decode(records[1].GetProperty("data").GetString()!));
        Assert.False(records[1].TryGetProperty("metadata", out _));
    }

    [Fact]
    public async Task Fails_the_documented_lambda_console_example_because_its_data_is_not_a_log_line()
    {
        const string example = """
            {
              "invocationId": "invocationIdExample",
              "deliveryStreamArn": "arn:aws:kinesis:EXAMPLE",
              "region": "us-east-1",
              "records": [
                {
                  "recordId": "49546986683135544286507457936321625675700192471156785154",
                  "approximateArrivalTimestamp": 1495072949453,
                  "data": "SGVsbG8sIHRoaXMgaXMgYSB0ZXN0IDEyMy4="
                }
              ]
            }
            """;
        using var response = await PostAsync(example, servers.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("records")[0];
        Assert.Equal("49546986683135544286507457936321625675700192471156785154", record.GetProperty("recordId").GetString());
        Assert.Equal("ProcessingFailed", record.GetProperty("result").GetString());
        Assert.Equal("SGVsbG8sIHRoaXMgaXMgYSB0ZXN0IDEyMy4=", record.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Refuses_a_missing_or_unknown_api_key_with_401()
    {
        const string json = """{"invocationId":"x","records":[]}""";
        using var missing = await PostAsync(json, apiKey: null);
        using var wrong = await PostAsync(json, apiKey: "a-key-that-is-not-configured");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Takes_a_stored_key_with_the_ingest_scope_and_refuses_one_without_it_naming_the_scope()
    {
        const string json = """{"invocationId":"x","records":[]}""";
        var store = new ApiKeyStore(servers.Database);
        var ingest = await store.CreateAsync("log shipper", [ApiKeyScopes.Ingest], CancellationToken.None);
        var reader = await store.CreateAsync("dashboard", [ApiKeyScopes.ReadMetrics], CancellationToken.None);

        using var allowed = await PostAsync(json, ingest.Key);
        using var refused = await PostAsync(json, reader.Key);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("ingest", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("requiredScope").GetString());
    }

    [Theory]
    [InlineData("""{"invocationId":"x"}""")]
    [InlineData("[1, 2")]
    public async Task Answers_400_for_a_body_that_is_not_a_transformation_event(string body)
    {
        using var response = await PostAsync(body, servers.ApiKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Answers_413_for_a_body_over_the_limit()
    {
        var json = JsonSerializer.Serialize(new { invocationId = "big", records = new[] { new { recordId = "r", data = new string('A', ServersFixture.HttpBodyLimit) } } });

        using var response = await PostAsync(json, servers.ApiKey);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string? apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{await servers.HttpIngestUrlAsync()}/firehose/transform")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }
        return await servers.Http.SendAsync(request);
    }
}
