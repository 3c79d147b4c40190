using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Tests;

public sealed partial class SigningTests
{
    private const string SummaryJson = """{"StreamDescriptionSummary":{"StreamName":"signed","StreamStatus":"ACTIVE","OpenShardCount":1}}""";

    [Fact]
    public async Task Signs_requests_with_sigv4_for_kinesis_in_the_configured_region()
    {
        var handler = new RecordingHandler(SummaryJson);
        using var client = OfflineClient.Create(handler, region: "eu-west-1");

        await client.DescribeStreamSummaryAsync("signed");

        var request = Assert.Single(handler.Requests);
        var authorization = AuthorizationPattern().Match(request.Header("Authorization") ?? "");
        Assert.True(authorization.Success, $"Not a SigV4 Authorization header: {request.Header("Authorization")}");
        Assert.Equal(OfflineClient.AccessKeyId, authorization.Groups["key"].Value);
        Assert.Equal("eu-west-1", authorization.Groups["region"].Value);
        Assert.Equal("kinesis", authorization.Groups["service"].Value);
        var amzDate = request.Header("X-Amz-Date") ?? "";
        Assert.Equal(amzDate[..8], authorization.Groups["date"].Value);
        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.InRange(signedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        var signedHeaders = authorization.Groups["signed"].Value.Split(';');
        Assert.All(new[] { "content-type", "host", "x-amz-date", "x-amz-target" }, header => Assert.Contains(header, signedHeaders));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))), request.Header("X-Amz-Content-SHA256"));
    }

    [Fact]
    public async Task Posts_the_json_protocol_with_the_operation_in_the_target_header()
    {
        var handler = new RecordingHandler(SummaryJson);
        using var client = OfflineClient.Create(handler, region: "ap-southeast-2");

        await client.DescribeStreamSummaryAsync("signed");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://kinesis.ap-southeast-2.amazonaws.com/"), request.Uri);
        Assert.Equal("Kinesis_20131202.DescribeStreamSummary", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal("""{"StreamName":"signed"}""", request.Body);
        Assert.DoesNotContain(OfflineClient.SecretAccessKey, string.Join("\n", request.Headers.Values) + request.Body);
    }

    [Fact]
    public async Task Sends_record_data_base64_encoded()
    {
        var handler = new RecordingHandler(
            """{"ShardId":"shardId-000000000000","SequenceNumber":"1"}""",
            """{"FailedRecordCount":0,"Records":[{"ShardId":"shardId-000000000000","SequenceNumber":"2"},{"ShardId":"shardId-000000000000","SequenceNumber":"3"}]}""");
        using var client = OfflineClient.Create(handler);
        byte[] binary = [0x00, 0xFF, 0x10, 0x80, 0x7F];

        await client.PutRecordAsync("logs", "pk-1", binary);
        await client.PutRecordsAsync("logs", [new PutRecordsEntry("pk-2", binary), new PutRecordsEntry("pk-3", "x"u8.ToArray(), ExplicitHashKey: "42")]);

        using var single = JsonDocument.Parse(handler.Requests[0].Body);
        Assert.Equal("logs", single.RootElement.GetProperty("StreamName").GetString());
        Assert.Equal("pk-1", single.RootElement.GetProperty("PartitionKey").GetString());
        Assert.Equal(Convert.ToBase64String(binary), single.RootElement.GetProperty("Data").GetString());
        using var batch = JsonDocument.Parse(handler.Requests[1].Body);
        var records = batch.RootElement.GetProperty("Records");
        Assert.Equal(Convert.ToBase64String(binary), records[0].GetProperty("Data").GetString());
        Assert.False(records[0].TryGetProperty("ExplicitHashKey", out _));
        Assert.Equal("eA==", records[1].GetProperty("Data").GetString());
        Assert.Equal("42", records[1].GetProperty("ExplicitHashKey").GetString());
        Assert.Equal("Kinesis_20131202.PutRecords", handler.Requests[1].Header("X-Amz-Target"));
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<signed>[^,]+), ?Signature=[0-9a-f]{64}$")]
    private static partial Regex AuthorizationPattern();
}
