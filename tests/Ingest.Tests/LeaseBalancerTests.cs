using CdnPulse.Ingest.Kinesis;

namespace CdnPulse.Ingest.Tests;

public sealed class LeaseBalancerTests
{
    private static readonly HashSet<string> None = [];

    [Fact]
    public void Takes_only_its_fair_share_of_free_shards_when_another_instance_is_alive()
    {
        var rows = Rows(("s0", null), ("s1", null), ("s2", null), ("s3", null));

        var plan = LeaseBalancer.Plan("a", liveInstances: 2, rows, None, new Random(1));

        Assert.Equal(2, plan.Target);
        Assert.Equal(2, plan.Take.Count);
        Assert.Null(plan.Steal);
    }

    [Fact]
    public void Takes_every_expired_lease_of_a_dead_instance()
    {
        var rows = new[] { Row("s0", "dead", live: false), Row("s1", "dead", live: false), Row("s2", "a"), Row("s3", "a") };

        var plan = LeaseBalancer.Plan("a", liveInstances: 1, rows, new HashSet<string> { "s2", "s3" }, new Random(1));

        Assert.Equal(["s0", "s1"], plan.Take.Select(r => r.ShardId).Order());
    }

    [Fact]
    public void Steals_one_shard_per_round_from_the_busiest_owner_above_the_fair_share()
    {
        var rows = Rows(("s0", "b"), ("s1", "b"), ("s2", "b"), ("s3", "b"));

        var plan = LeaseBalancer.Plan("a", liveInstances: 2, rows, None, new Random(1));

        Assert.Empty(plan.Take);
        Assert.Equal("b", plan.Steal?.Owner);
    }

    [Fact]
    public void Does_not_steal_when_the_spread_is_as_even_as_it_can_be()
    {
        var rows = Rows(("s0", "b"), ("s1", "b"), ("s2", "b"), ("s3", "a"), ("s4", "a"));

        var plan = LeaseBalancer.Plan("a", liveInstances: 2, rows, new HashSet<string> { "s3", "s4" }, new Random(1));

        Assert.Equal(3, plan.Target);
        Assert.Empty(plan.Take);
        Assert.Null(plan.Steal);
    }

    [Fact]
    public void Steals_from_an_owner_at_the_fair_share_when_this_instance_is_two_below_it()
    {
        var rows = Rows(("s0", "b"), ("s1", "b"), ("s2", "c"), ("s3", "c"));

        var plan = LeaseBalancer.Plan("a", liveInstances: 3, rows, None, new Random(1));

        Assert.Equal(2, plan.Target);
        Assert.NotNull(plan.Steal);
    }

    [Fact]
    public void Holds_still_when_it_already_has_its_share()
    {
        var rows = Rows(("s0", "a"), ("s1", "a"), ("s2", "b"), ("s3", "b"));

        var plan = LeaseBalancer.Plan("a", liveInstances: 2, rows, new HashSet<string> { "s0", "s1" }, new Random(1));

        Assert.Empty(plan.Take);
        Assert.Null(plan.Steal);
    }

    [Fact]
    public void Counts_owners_of_live_leases_as_instances_even_without_a_heartbeat()
    {
        var rows = Rows(("s0", "b"), ("s1", "b"), ("s2", null), ("s3", null));

        var plan = LeaseBalancer.Plan("a", liveInstances: 1, rows, None, new Random(1));

        Assert.Equal(2, plan.Target);
        Assert.Equal(2, plan.Take.Count);
    }

    private static ShardLeaseRow Row(string shard, string? owner, bool live = true) => new(shard, false, owner, 1, owner is not null && live);

    private static ShardLeaseRow[] Rows(params (string Shard, string? Owner)[] rows) => rows.Select(r => Row(r.Shard, r.Owner)).ToArray();
}
