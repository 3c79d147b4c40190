using System.Diagnostics;
using System.Net;

namespace CdnPulse.Kinesis.Tests;

/// <summary>Create/wait paths kinesalite cannot be made to take (races, streams that never become ACTIVE), scripted.</summary>
public sealed class StreamLifecycleTests
{
    [Fact]
    public async Task Ensures_a_stream_another_process_created_first()
    {
        var describeCalls = 0;
        var handler = new RecordingHandler(request =>
        {
            var operation = request.Header("X-Amz-Target")!.Split('.')[1];
            if (operation == "CreateStream")
            {
                return RecordingHandler.Json("""{"__type":"ResourceInUseException","message":"Stream s already exists."}""", HttpStatusCode.BadRequest);
            }
            Assert.Equal("DescribeStreamSummary", operation);
            return Interlocked.Increment(ref describeCalls) switch
            {
                1 => RecordingHandler.Json("""{"__type":"ResourceNotFoundException","message":"Stream s not found."}""", HttpStatusCode.BadRequest),
                2 => RecordingHandler.Json("""{"StreamDescriptionSummary":{"StreamName":"s","StreamStatus":"CREATING","OpenShardCount":0}}"""),
                _ => RecordingHandler.Json("""{"StreamDescriptionSummary":{"StreamName":"s","StreamStatus":"ACTIVE","OpenShardCount":2}}"""),
            };
        });
        using var client = OfflineClient.Create(handler);

        var summary = await client.EnsureStreamAsync("s", shardCount: 2, timeout: TimeSpan.FromSeconds(10));

        Assert.True(summary.IsActive);
        Assert.Equal(
            ["DescribeStreamSummary", "CreateStream", "DescribeStreamSummary", "DescribeStreamSummary"],
            handler.Requests.Select(r => r.Header("X-Amz-Target")!.Split('.')[1]));
        Assert.Equal("""{"StreamName":"s","ShardCount":2}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task Gives_up_waiting_for_active_at_the_deadline()
    {
        var handler = new RecordingHandler("""{"StreamDescriptionSummary":{"StreamName":"s","StreamStatus":"CREATING"}}""");
        using var client = OfflineClient.Create(handler);
        var started = Stopwatch.GetTimestamp();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.WaitForStreamActiveAsync("s", TimeSpan.FromMilliseconds(400)));

        Assert.Contains("CREATING", error.Message);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.True(handler.Requests.Count >= 2, $"Polled {handler.Requests.Count} time(s).");
    }

    [Fact]
    public async Task Does_not_wait_for_a_stream_that_is_being_deleted()
    {
        var handler = new RecordingHandler("""{"StreamDescriptionSummary":{"StreamName":"s","StreamStatus":"DELETING"}}""");
        using var client = OfflineClient.Create(handler);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.WaitForStreamActiveAsync("s", TimeSpan.FromSeconds(30)));

        Assert.Contains("being deleted", error.Message);
        Assert.Single(handler.Requests);
    }
}
