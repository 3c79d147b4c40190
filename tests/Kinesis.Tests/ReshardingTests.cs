using System.Diagnostics;
using System.Numerics;
using System.Text;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Tests;

public sealed class ReshardingTests(KinesaliteFixture kinesalite) : IClassFixture<KinesaliteFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private KinesisClient Client => kinesalite.Client;

    [Fact]
    public async Task Drains_a_split_parent_shard_to_a_null_next_iterator()
    {
        var stream = KinesaliteFixture.NewStreamName("split-drain");
        await Client.EnsureStreamAsync(stream, shardCount: 1);
        var sequenceNumbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sequenceNumbers.Add((await Client.PutRecordAsync(stream, $"k{i}", Encoding.UTF8.GetBytes($"before split {i}"))).SequenceNumber);
        }
        var parent = Assert.Single(await Client.ListShardsAsync(stream));

        await Client.SplitShardAsync(stream, parent.ShardId, parent.HashKeyRange.MidpointHashKey());
        await Client.WaitForStreamActiveAsync(stream, Timeout);

        var (records, last) = await DrainAsync(stream, parent.ShardId);
        Assert.Equal(sequenceNumbers, records.Select(r => r.SequenceNumber));
        Assert.Null(last.NextShardIterator);
        // The children to continue with: kinesalite 3.3.3 leaves GetRecords' ChildShards out (ResponseParsingTests covers
        // reading them), so they are found through ListShards here.
        var shards = await Client.ListShardsAsync(stream);
        Assert.True(shards.Single(s => s.ShardId == parent.ShardId).IsClosed);
        Assert.Equal(2, shards.Count(s => s.ParentShardId == parent.ShardId && !s.IsClosed));
    }

    [Fact]
    public async Task Lists_parent_and_child_shards_after_a_split()
    {
        var stream = KinesaliteFixture.NewStreamName("split-list");
        await Client.EnsureStreamAsync(stream, shardCount: 1);
        var parent = Assert.Single(await Client.ListShardsAsync(stream));
        Assert.False(parent.IsClosed);
        var midpoint = parent.HashKeyRange.MidpointHashKey();

        await Client.SplitShardAsync(stream, parent.ShardId, midpoint);
        await Client.WaitForStreamActiveAsync(stream, Timeout);

        var shards = await Client.ListShardsAsync(stream);
        Assert.Equal(3, shards.Count);
        var closedParent = shards.Single(s => s.ShardId == parent.ShardId);
        Assert.True(closedParent.IsClosed);
        Assert.Null(closedParent.ParentShardId);
        var children = shards.Where(s => s.ShardId != parent.ShardId).OrderBy(s => BigInteger.Parse(s.HashKeyRange.StartingHashKey)).ToArray();
        Assert.All(children, child =>
        {
            Assert.Equal(parent.ShardId, child.ParentShardId);
            Assert.Null(child.AdjacentParentShardId);
            Assert.False(child.IsClosed);
        });
        // The children cover exactly the parent's hash key range, split at the requested key.
        Assert.Equal(parent.HashKeyRange.StartingHashKey, children[0].HashKeyRange.StartingHashKey);
        Assert.Equal((BigInteger.Parse(midpoint) - 1).ToString(), children[0].HashKeyRange.EndingHashKey);
        Assert.Equal(midpoint, children[1].HashKeyRange.StartingHashKey);
        Assert.Equal(parent.HashKeyRange.EndingHashKey, children[1].HashKeyRange.EndingHashKey);
        var summary = await Client.DescribeStreamSummaryAsync(stream);
        Assert.Equal(2, summary.OpenShardCount);
    }

    [Fact]
    public async Task Merges_two_adjacent_shards_into_one_child()
    {
        var stream = KinesaliteFixture.NewStreamName("merge");
        await Client.EnsureStreamAsync(stream, shardCount: 2);
        var parents = (await Client.ListShardsAsync(stream)).OrderBy(s => BigInteger.Parse(s.HashKeyRange.StartingHashKey)).ToArray();
        Assert.Equal(2, parents.Length);

        await Client.MergeShardsAsync(stream, parents[0].ShardId, parents[1].ShardId);
        await Client.WaitForStreamActiveAsync(stream, Timeout);

        var shards = await Client.ListShardsAsync(stream);
        var child = Assert.Single(shards, s => !s.IsClosed);
        Assert.Equal(parents[0].ShardId, child.ParentShardId);
        Assert.Equal(parents[1].ShardId, child.AdjacentParentShardId);
        Assert.Equal(parents[0].HashKeyRange.StartingHashKey, child.HashKeyRange.StartingHashKey);
        Assert.Equal(parents[1].HashKeyRange.EndingHashKey, child.HashKeyRange.EndingHashKey);
        Assert.Equal(2, shards.Count(s => s.IsClosed));
    }

    /// <summary>Reads a closed shard from TRIM_HORIZON until GetRecords stops handing out iterators, within the timeout.</summary>
    private async Task<(List<KinesisRecord> Records, GetRecordsResult Last)> DrainAsync(string stream, string shardId)
    {
        var started = Stopwatch.GetTimestamp();
        var records = new List<KinesisRecord>();
        var iterator = await Client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.TrimHorizon);
        while (true)
        {
            var page = await Client.GetRecordsAsync(iterator);
            records.AddRange(page.Records);
            if (page.NextShardIterator is null)
            {
                return (records, page);
            }
            Assert.True(Stopwatch.GetElapsedTime(started) < Timeout, $"Closed shard {shardId} still returned an iterator after {Timeout}.");
            iterator = page.NextShardIterator;
            if (page.Records.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }
    }
}
