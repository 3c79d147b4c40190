using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Tests;

public sealed class TelemetryTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public TelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KinesisTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Records_one_client_span_per_call_with_stream_and_record_counts()
    {
        var stream = $"telemetry-{Guid.NewGuid():N}";
        var handler = new RecordingHandler(_ =>
        {
            var response = RecordingHandler.Json("""{"FailedRecordCount":1,"Records":[{"ShardId":"shardId-000000000000","SequenceNumber":"1"},{"ErrorCode":"InternalFailure"}]}""");
            response.Headers.Add("x-amzn-RequestId", "req-42");
            return response;
        });
        using var client = OfflineClient.Create(handler);

        await client.PutRecordsAsync(stream, [new PutRecordsEntry("secret-partition", new byte[1]), new PutRecordsEntry("k2", new byte[1])]);

        var span = Assert.Single(SpansFor(stream));
        Assert.Equal("Kinesis.PutRecords", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("PutRecords", span.GetTagItem(KinesisTelemetry.OperationTag));
        Assert.Equal(2, span.GetTagItem(KinesisTelemetry.RecordCountTag));
        Assert.Equal(1, span.GetTagItem(KinesisTelemetry.FailedRecordCountTag));
        Assert.Equal("req-42", span.GetTagItem(KinesisTelemetry.RequestIdTag));
        Assert.Equal("eu-west-1", span.GetTagItem("cloud.region"));
        var tagText = string.Join("\n", span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
        Assert.DoesNotContain(OfflineClient.AccessKeyId, tagText);
        Assert.DoesNotContain(OfflineClient.SecretAccessKey, tagText);
        Assert.DoesNotContain("secret-partition", tagText);
    }

    [Fact]
    public async Task Marks_the_span_of_a_failed_call_with_the_error_type()
    {
        var stream = $"telemetry-{Guid.NewGuid():N}";
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"__type":"ResourceNotFoundException","message":"nope"}""", HttpStatusCode.BadRequest));
        using var client = OfflineClient.Create(handler);

        await Assert.ThrowsAsync<KinesisException>(() => client.GetShardIteratorAsync(stream, "shardId-000000000007", ShardIteratorType.Latest));

        var span = Assert.Single(SpansFor(stream));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("ResourceNotFoundException", span.GetTagItem("error.type"));
        Assert.Equal("shardId-000000000007", span.GetTagItem(KinesisTelemetry.ShardTag));
    }

    private Activity[] SpansFor(string stream) =>
        _spans.Where(span => Equals(span.GetTagItem(KinesisTelemetry.StreamTag), stream)).ToArray();
}
