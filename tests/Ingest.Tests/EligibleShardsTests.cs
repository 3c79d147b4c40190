using CdnPulse.Ingest.Kinesis;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Ingest.Tests;

public sealed class EligibleShardsTests
{
    [Fact]
    public void Offers_a_child_only_once_every_listed_parent_is_finished()
    {
        var shards = new[] { Shard("p1"), Shard("p2"), Shard("child", "p1", "p2") };
        var parentsOpen = new[] { Row("p1", finished: true), Row("p2", finished: false), Row("child", finished: false) };
        var parentsDone = new[] { Row("p1", finished: true), Row("p2", finished: true), Row("child", finished: false) };

        Assert.Equal(["p2"], KinesisStreamConsumer.Eligible(shards, parentsOpen).Select(r => r.ShardId));
        Assert.Equal(["child"], KinesisStreamConsumer.Eligible(shards, parentsDone).Select(r => r.ShardId));
    }

    [Fact]
    public void Treats_a_parent_that_aged_out_of_the_stream_as_finished()
    {
        var shards = new[] { Shard("child", "gone") };

        Assert.Equal(["child"], KinesisStreamConsumer.Eligible(shards, [Row("child", finished: false)]).Select(r => r.ShardId));
    }

    [Fact]
    public void Skips_a_shard_without_a_lease_row_yet()
    {
        Assert.Empty(KinesisStreamConsumer.Eligible([Shard("new")], []));
    }

    private static KinesisShard Shard(string id, string? parent = null, string? adjacent = null) =>
        new(id, parent, adjacent, new HashKeyRange("0", "1"), new SequenceNumberRange("1", null));

    private static ShardLeaseRow Row(string id, bool finished) => new(id, finished, null, 0, false);
}
