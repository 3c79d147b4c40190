using System.Text;
using System.Text.Json;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Tests;

/// <summary>Response shapes from the Kinesis API reference that kinesalite does not produce, read through the real client.</summary>
public sealed class ResponseParsingTests
{
    [Fact]
    public async Task Reads_child_shards_and_arrival_times_from_the_last_page_of_a_closed_shard()
    {
        var handler = new RecordingHandler("""
            {
              "ChildShards": [
                {"HashKeyRange":{"EndingHashKey":"170141183460469231731687303715884105727","StartingHashKey":"0"},
                 "ParentShards":["shardId-000000000000"],"ShardId":"shardId-000000000001"},
                {"HashKeyRange":{"EndingHashKey":"340282366920938463463374607431768211455","StartingHashKey":"170141183460469231731687303715884105728"},
                 "ParentShards":["shardId-000000000000"],"ShardId":"shardId-000000000002"}
              ],
              "MillisBehindLatest": 0,
              "Records": [
                {"ApproximateArrivalTimestamp":1.700000000123E9,"Data":"aGVsbG8=","PartitionKey":"pk","SequenceNumber":"49590338271490256608559692538361571095921575989136588898","EncryptionType":"NONE"}
              ]
            }
            """);
        using var client = OfflineClient.Create(handler);

        var page = await client.GetRecordsAsync("AAAAAAAAAAH-iterator", limit: 25);

        Assert.Null(page.NextShardIterator);
        Assert.Equal(0, page.MillisBehindLatest);
        var record = Assert.Single(page.Records);
        Assert.Equal("hello", Encoding.UTF8.GetString(record.Data.Span));
        Assert.Equal("pk", record.PartitionKey);
        Assert.Equal("49590338271490256608559692538361571095921575989136588898", record.SequenceNumber);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), record.ApproximateArrivalTimestamp);
        Assert.Equal(["shardId-000000000001", "shardId-000000000002"], page.ChildShards.Select(c => c.ShardId));
        Assert.All(page.ChildShards, child => Assert.Equal(["shardId-000000000000"], child.ParentShards));
        Assert.Equal("170141183460469231731687303715884105728", page.ChildShards[1].HashKeyRange.StartingHashKey);
        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal("AAAAAAAAAAH-iterator", body.RootElement.GetProperty("ShardIterator").GetString());
        Assert.Equal(25, body.RootElement.GetProperty("Limit").GetInt32());
    }

    [Fact]
    public async Task Follows_next_token_without_the_stream_name_when_listing_shards()
    {
        var handler = new RecordingHandler(
            """{"NextToken":"page-2-token","Shards":[{"ShardId":"shardId-000000000000","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"9"},"SequenceNumberRange":{"StartingSequenceNumber":"1","EndingSequenceNumber":"5"}}]}""",
            """{"Shards":[{"ShardId":"shardId-000000000001","ParentShardId":"shardId-000000000000","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"9"},"SequenceNumberRange":{"StartingSequenceNumber":"6"}}]}""");
        using var client = OfflineClient.Create(handler);

        var shards = await client.ListShardsAsync("paged");

        Assert.Equal(["shardId-000000000000", "shardId-000000000001"], shards.Select(s => s.ShardId));
        Assert.True(shards[0].IsClosed);
        Assert.False(shards[1].IsClosed);
        Assert.Equal("shardId-000000000000", shards[1].ParentShardId);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("""{"StreamName":"paged"}""", handler.Requests[0].Body);
        Assert.Equal("""{"NextToken":"page-2-token"}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task Hands_back_the_failed_entries_of_a_partial_put_for_retry()
    {
        var handler = new RecordingHandler("""
            {"FailedRecordCount":2,"Records":[
              {"SequenceNumber":"101","ShardId":"shardId-000000000000"},
              {"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"Rate exceeded for shard shardId-000000000001"},
              {"SequenceNumber":"102","ShardId":"shardId-000000000000"},
              {"ErrorCode":"InternalFailure","ErrorMessage":"Internal service failure."}]}
            """);
        using var client = OfflineClient.Create(handler);
        PutRecordsEntry[] entries = [.. Enumerable.Range(0, 4).Select(i => new PutRecordsEntry($"k{i}", new[] { (byte)i }))];

        var result = await client.PutRecordsAsync("partial", entries);

        Assert.Equal(2, result.FailedRecordCount);
        Assert.Equal([true, false, true, false], result.Records.Select(r => r.Succeeded));
        Assert.Equal("ProvisionedThroughputExceededException", result.Records[1].ErrorCode);
        Assert.Equal([entries[1], entries[3]], result.FailedEntries(entries));
        Assert.Throws<ArgumentException>(() => result.FailedEntries(entries[..3]));
    }

    [Fact]
    public async Task Reads_a_stream_summary_with_epoch_second_timestamps()
    {
        var handler = new RecordingHandler("""
            {"StreamDescriptionSummary":{"StreamName":"s","StreamARN":"arn:aws:kinesis:us-east-1:000000000000:stream/s","StreamStatus":"UPDATING",
             "RetentionPeriodHours":24,"StreamCreationTimestamp":1700000000,"OpenShardCount":3,"ConsumerCount":0,"EncryptionType":"NONE",
             "EnhancedMonitoring":[{"ShardLevelMetrics":[]}],"StreamModeDetails":{"StreamMode":"PROVISIONED"}}}
            """);
        using var client = OfflineClient.Create(handler);

        var summary = await client.DescribeStreamSummaryAsync("s");

        Assert.Equal("arn:aws:kinesis:us-east-1:000000000000:stream/s", summary.StreamArn);
        Assert.Equal("UPDATING", summary.StreamStatus);
        Assert.False(summary.IsActive);
        Assert.Equal(3, summary.OpenShardCount);
        Assert.Equal(24, summary.RetentionPeriodHours);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), summary.StreamCreationTimestamp);
    }

    [Fact]
    public async Task Sends_uniform_scaling_and_reads_the_update_shard_count_answer()
    {
        var handler = new RecordingHandler("""{"StreamName":"s","CurrentShardCount":2,"TargetShardCount":4,"StreamARN":"arn:aws:kinesis:us-east-1:0:stream/s"}""");
        using var client = OfflineClient.Create(handler);

        var result = await client.UpdateShardCountAsync("s", 4);

        Assert.Equal(new UpdateShardCountResult("s", 2, 4), result);
        Assert.Equal("""{"StreamName":"s","TargetShardCount":4,"ScalingType":"UNIFORM_SCALING"}""", Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task Sends_an_at_timestamp_iterator_request_as_epoch_seconds()
    {
        var handler = new RecordingHandler("""{"ShardIterator":"it-1"}""");
        using var client = OfflineClient.Create(handler);

        var iterator = await client.GetShardIteratorAsync("s", "shardId-000000000003", ShardIteratorType.AtTimestamp,
            timestamp: DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250));

        Assert.Equal("it-1", iterator);
        Assert.Equal("""{"StreamName":"s","ShardId":"shardId-000000000003","ShardIteratorType":"AT_TIMESTAMP","Timestamp":1700000000.25}""",
            Assert.Single(handler.Requests).Body);
    }
}
