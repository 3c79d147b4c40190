using System.Net;
using System.Text;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Tests;

public sealed class ErrorTests
{
    [Theory]
    [InlineData("ProvisionedThroughputExceededException", 400, "ProvisionedThroughputExceededException", true, false, false, false)]
    [InlineData("LimitExceededException", 400, "LimitExceededException", true, false, false, false)]
    [InlineData("InternalFailure", 503, "InternalFailure", true, false, false, false)]
    [InlineData("ExpiredIteratorException", 400, "ExpiredIteratorException", false, true, false, false)]
    [InlineData("com.amazonaws.kinesis.v20131202#ResourceNotFoundException", 400, "ResourceNotFoundException", false, false, true, false)]
    [InlineData("ResourceInUseException", 400, "ResourceInUseException", false, false, false, true)]
    [InlineData("InvalidArgumentException", 400, "InvalidArgumentException", false, false, false, false)]
    public async Task Classifies_error_responses(string type, int status, string errorType, bool throttling, bool expired, bool notFound, bool inUse)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json($$"""{"__type":"{{type}}","message":"details here"}""", (HttpStatusCode)status));
        using var client = OfflineClient.Create(handler);

        var error = await Assert.ThrowsAsync<KinesisException>(() => client.GetRecordsAsync("iterator"));

        Assert.Equal(errorType, error.ErrorType);
        Assert.Equal((HttpStatusCode)status, error.HttpStatusCode);
        Assert.Equal("details here", error.ErrorMessage);
        Assert.Equal((throttling, expired, notFound, inUse), (error.IsThrottling, error.IsExpiredIterator, error.IsResourceNotFound, error.IsResourceInUse));
    }

    [Fact]
    public async Task Treats_http_429_without_a_json_body_as_throttling()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent("<html>slow down</html>", Encoding.UTF8, "text/html"),
        });
        using var client = OfflineClient.Create(handler);

        var error = await Assert.ThrowsAsync<KinesisException>(() => client.PutRecordAsync("s", "k", "x"u8.ToArray()));

        Assert.True(error.IsThrottling);
        Assert.Equal("Http429", error.ErrorType);
        Assert.Contains("slow down", error.Message);
    }

    [Fact]
    public async Task Takes_the_error_type_from_the_header_when_the_body_has_none()
    {
        var handler = new RecordingHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("") };
            response.Headers.Add("x-amzn-ErrorType", "ExpiredIteratorException:http://internal.amazon.com/coral/com.amazon.kinesis/");
            response.Headers.Add("x-amzn-RequestId", "req-123");
            return response;
        });
        using var client = OfflineClient.Create(handler);

        var error = await Assert.ThrowsAsync<KinesisException>(() => client.GetRecordsAsync("iterator"));

        Assert.True(error.IsExpiredIterator);
        Assert.Equal("req-123", error.RequestId);
    }

    [Fact]
    public async Task Keeps_signing_material_out_of_exception_messages()
    {
        // Servers echo the Authorization header in signature errors; it names the access key id.
        var handler = new RecordingHandler(request => RecordingHandler.Json(
            $$"""{"__type":"IncompleteSignatureException","message":"Authorization header requires 'Signature'. Authorization={{request.Header("Authorization")}}"}""",
            HttpStatusCode.BadRequest));
        using var client = OfflineClient.Create(handler);

        var error = await Assert.ThrowsAsync<KinesisException>(() => client.DescribeStreamSummaryAsync("s"));

        var signature = (handler.Requests[0].Header("Authorization") ?? "").Split("Signature=")[1];
        var text = error.ToString();
        Assert.Contains("IncompleteSignatureException", text);
        Assert.Contains("Credential=[redacted]", text);
        Assert.DoesNotContain(OfflineClient.AccessKeyId, text);
        Assert.DoesNotContain(signature, text);
        Assert.DoesNotContain(OfflineClient.SecretAccessKey, text);
    }

    [Fact]
    public async Task Rejects_invalid_arguments_before_sending_anything()
    {
        var handler = new RecordingHandler("{}");
        using var client = OfflineClient.Create(handler);
        var tooMany = Enumerable.Range(0, KinesisClient.MaxPutRecordsEntries + 1).Select(i => new PutRecordsEntry($"k{i}", new byte[1])).ToArray();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.PutRecordsAsync("s", tooMany));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.PutRecordsAsync("s", []));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PutRecordsAsync("s", [new PutRecordsEntry("", new byte[1])]));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PutRecordAsync("s", new string('k', 257), new byte[1]));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetShardIteratorAsync("s", "shardId-0", ShardIteratorType.AfterSequenceNumber));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetShardIteratorAsync("s", "shardId-0", ShardIteratorType.TrimHorizon, "123"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetShardIteratorAsync("s", "shardId-0", ShardIteratorType.AtTimestamp));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetRecordsAsync("it", limit: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetRecordsAsync("it", limit: 10_001));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateStreamAsync("bad name", 1));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Accepts_exactly_500_entries_in_one_put()
    {
        var results = string.Join(",", Enumerable.Range(0, 500).Select(i => $$"""{"ShardId":"shardId-000000000000","SequenceNumber":"{{i}}"}"""));
        var handler = new RecordingHandler($$"""{"FailedRecordCount":0,"Records":[{{results}}]}""");
        using var client = OfflineClient.Create(handler);
        var entries = Enumerable.Range(0, 500).Select(i => new PutRecordsEntry($"k{i}", new byte[1])).ToArray();

        var result = await client.PutRecordsAsync("s", entries);

        Assert.Equal(500, result.Records.Count);
        Assert.Single(handler.Requests);
    }
}
