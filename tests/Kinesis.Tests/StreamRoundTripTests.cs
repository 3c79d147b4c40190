using System.Net;
using System.Text;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Tests;

public sealed class StreamRoundTripTests(KinesaliteFixture kinesalite) : IClassFixture<KinesaliteFixture>
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(20);

    private KinesisClient Client => kinesalite.Client;

    [Fact]
    public async Task Reads_back_records_put_into_a_new_stream()
    {
        var stream = KinesaliteFixture.NewStreamName("roundtrip");
        var summary = await Client.EnsureStreamAsync(stream, shardCount: 1);
        Assert.True(summary.IsActive);
        Assert.Equal(1, summary.OpenShardCount);

        // Every byte value, so a text or UTF-8 detour anywhere would corrupt it.
        var data = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Encoding.UTF8.GetBytes("{\"edge\":\"FRA56-P1\"}")).ToArray();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var put = await Client.PutRecordAsync(stream, "viewer-203.0.113.7", data);

        var read = await ShardReader.ReadAsync(Client, stream, expectedCount: 1, ReadTimeout);

        var (shardId, record) = Assert.Single(read);
        Assert.Equal(put.ShardId, shardId);
        Assert.Equal(put.SequenceNumber, record.SequenceNumber);
        Assert.Equal("viewer-203.0.113.7", record.PartitionKey);
        Assert.Equal(data, record.Data.ToArray());
        Assert.NotNull(record.ApproximateArrivalTimestamp);
        Assert.InRange(record.ApproximateArrivalTimestamp.Value, before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Reads_back_every_entry_of_a_300_record_put_across_4_shards()
    {
        var stream = KinesaliteFixture.NewStreamName("batch");
        await Client.EnsureStreamAsync(stream, shardCount: 4);
        var entries = Enumerable.Range(0, 300)
            .Select(i => new PutRecordsEntry($"key-{i}", Encoding.UTF8.GetBytes($"record {i}")))
            .ToArray();

        var put = await Client.PutRecordsAsync(stream, entries);

        Assert.Equal(0, put.FailedRecordCount);
        Assert.Equal(300, put.Records.Count);
        Assert.All(put.Records, result => Assert.True(result.Succeeded));
        var read = await ShardReader.ReadAsync(Client, stream, expectedCount: 300, ReadTimeout);
        Assert.Equal(300, read.Count);
        Assert.Equal(
            entries.Select(e => Encoding.UTF8.GetString(e.Data.Span)).Order(),
            read.Select(r => Encoding.UTF8.GetString(r.Record.Data.Span)).Order());
        // Each record sits in the shard PutRecords reported, and 300 distinct keys reach all four shards.
        var shardBySequence = put.Records.ToDictionary(r => r.SequenceNumber!, r => r.ShardId);
        Assert.All(read, r => Assert.Equal(shardBySequence[r.Record.SequenceNumber], r.ShardId));
        Assert.Equal(4, read.Select(r => r.ShardId).Distinct().Count());
    }

    [Fact]
    public async Task Resumes_exactly_after_a_given_sequence_number()
    {
        var stream = KinesaliteFixture.NewStreamName("resume");
        await Client.EnsureStreamAsync(stream, shardCount: 1);
        var puts = new List<PutRecordResult>();
        for (var i = 0; i < 5; i++)
        {
            puts.Add(await Client.PutRecordAsync(stream, "same-key", Encoding.UTF8.GetBytes($"line {i}")));
        }

        var iterator = await Client.GetShardIteratorAsync(stream, puts[1].ShardId, ShardIteratorType.AfterSequenceNumber, puts[1].SequenceNumber);
        var page = await Client.GetRecordsAsync(iterator, limit: 10);

        Assert.Equal(puts.Skip(2).Select(p => p.SequenceNumber), page.Records.Select(r => r.SequenceNumber));
        Assert.Equal(["line 2", "line 3", "line 4"], page.Records.Select(r => Encoding.UTF8.GetString(r.Data.Span)));
        Assert.NotNull(page.NextShardIterator);
    }

    [Fact]
    public async Task Starts_at_a_given_sequence_number_inclusive()
    {
        var stream = KinesaliteFixture.NewStreamName("at-seq");
        await Client.EnsureStreamAsync(stream, shardCount: 1);
        var first = await Client.PutRecordAsync(stream, "k", "a"u8.ToArray());
        var second = await Client.PutRecordAsync(stream, "k", "b"u8.ToArray());

        var iterator = await Client.GetShardIteratorAsync(stream, second.ShardId, ShardIteratorType.AtSequenceNumber, second.SequenceNumber);
        var page = await Client.GetRecordsAsync(iterator);

        Assert.NotEqual(first.SequenceNumber, second.SequenceNumber);
        Assert.Equal([second.SequenceNumber], page.Records.Select(r => r.SequenceNumber));
    }

    [Fact]
    public async Task Reports_an_unknown_stream_as_resource_not_found()
    {
        var stream = KinesaliteFixture.NewStreamName("missing");

        var describe = await Assert.ThrowsAsync<KinesisException>(() => Client.DescribeStreamSummaryAsync(stream));
        var put = await Assert.ThrowsAsync<KinesisException>(() => Client.PutRecordAsync(stream, "k", "x"u8.ToArray()));

        Assert.True(describe.IsResourceNotFound);
        Assert.Equal(KinesisException.ResourceNotFound, describe.ErrorType);
        Assert.Equal(HttpStatusCode.BadRequest, describe.HttpStatusCode);
        Assert.Equal("DescribeStreamSummary", describe.Operation);
        Assert.Contains(stream, describe.Message);
        Assert.False(describe.IsThrottling);
        Assert.True(put.IsResourceNotFound);
    }

    [Fact]
    public async Task Ensures_an_existing_stream_without_recreating_it()
    {
        var stream = KinesaliteFixture.NewStreamName("ensure");
        var created = await Client.EnsureStreamAsync(stream, shardCount: 2);
        var put = await Client.PutRecordAsync(stream, "k", "kept"u8.ToArray());

        var again = await Client.EnsureStreamAsync(stream, shardCount: 5);

        Assert.True(again.IsActive);
        Assert.Equal(2, again.OpenShardCount);
        Assert.Equal(created.StreamCreationTimestamp, again.StreamCreationTimestamp);
        var create = await Assert.ThrowsAsync<KinesisException>(() => Client.CreateStreamAsync(stream, 1));
        Assert.True(create.IsResourceInUse);
        var read = await ShardReader.ReadAsync(Client, stream, expectedCount: 1, ReadTimeout);
        Assert.Equal(put.SequenceNumber, Assert.Single(read).Record.SequenceNumber);
    }
}
