using CdnPulse.Ingest.Kinesis;

namespace CdnPulse.Ingest.Tests;

/// <summary>The lease table's guarantees, on the real PostgreSQL.</summary>
[Collection(ServersCollection.Name)]
public sealed class ShardLeaseStoreTests(ServersFixture servers)
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    private ShardLeaseStore Store => new(servers.Database);

    [Fact]
    public async Task A_stale_owner_cannot_announce_checkpoint_or_finish_once_its_lease_was_taken()
    {
        var stream = NewStream();
        await Store.EnsureShardsAsync(stream, ["shard-0"], CancellationToken.None);
        var a = await Store.TryAcquireAsync(stream, "shard-0", "a", 0, Long, null, CancellationToken.None);
        Assert.NotNull(a);
        await Store.CheckpointAsync(a, "100", CancellationToken.None);

        var b = await Store.TryAcquireAsync(stream, "shard-0", "b", a.Counter, Long, stealFrom: "a", CancellationToken.None);

        Assert.NotNull(b);
        Assert.Equal("100", b.Checkpoint);
        await Assert.ThrowsAsync<LeaseLostException>(() => Store.CheckpointAsync(a, "200", CancellationToken.None));
        await Assert.ThrowsAsync<LeaseLostException>(() => Store.AnnounceAsync(a, new PendingBatch("101", "200"), CancellationToken.None));
        await Assert.ThrowsAsync<LeaseLostException>(() => Store.FinishAsync(a, CancellationToken.None));
        await Store.CheckpointAsync(b, "150", CancellationToken.None);
        var row = Assert.Single(await LeaseTable.ReadAsync(servers.Database, stream));
        Assert.Equal(("b", "150", false), (row.Owner, row.Checkpoint, row.Finished));
    }

    [Fact]
    public async Task The_same_instance_regaining_a_lease_gets_a_new_counter_that_fences_its_old_reader()
    {
        var stream = NewStream();
        await Store.EnsureShardsAsync(stream, ["shard-0"], CancellationToken.None);
        var first = (await Store.TryAcquireAsync(stream, "shard-0", "a", 0, Long, null, CancellationToken.None))!;
        var second = (await Store.TryAcquireAsync(stream, "shard-0", "a", first.Counter, Long, null, CancellationToken.None))!;

        Assert.Equal(first.Counter + 1, second.Counter);
        await Assert.ThrowsAsync<LeaseLostException>(() => Store.CheckpointAsync(first, "1", CancellationToken.None));
        await Store.CheckpointAsync(second, "1", CancellationToken.None);
    }

    [Fact]
    public async Task A_live_lease_is_not_taken_without_stealing_but_an_expired_one_is()
    {
        var stream = NewStream();
        await Store.EnsureShardsAsync(stream, ["shard-0", "shard-1"], CancellationToken.None);
        var live = (await Store.TryAcquireAsync(stream, "shard-0", "a", 0, Long, null, CancellationToken.None))!;
        var shortLived = (await Store.TryAcquireAsync(stream, "shard-1", "a", 0, TimeSpan.FromMilliseconds(300), null, CancellationToken.None))!;

        Assert.Null(await Store.TryAcquireAsync(stream, "shard-0", "b", live.Counter, Long, null, CancellationToken.None));
        await Eventually.HoldsAsync(async () => !(await LeaseTable.ReadAsync(servers.Database, stream)).Single(r => r.ShardId == "shard-1").Live,
            "the short lease expired", TimeSpan.FromSeconds(10));
        Assert.NotNull(await Store.TryAcquireAsync(stream, "shard-1", "b", shortLived.Counter, Long, null, CancellationToken.None));
        Assert.Null(await Store.TryAcquireAsync(stream, "shard-1", "c", shortLived.Counter, Long, null, CancellationToken.None));
    }

    [Fact]
    public async Task Renewal_reports_which_leases_are_still_held()
    {
        var stream = NewStream();
        await Store.EnsureShardsAsync(stream, ["shard-0", "shard-1"], CancellationToken.None);
        var kept = (await Store.TryAcquireAsync(stream, "shard-0", "a", 0, Long, null, CancellationToken.None))!;
        var lost = (await Store.TryAcquireAsync(stream, "shard-1", "a", 0, Long, null, CancellationToken.None))!;
        await Store.TryAcquireAsync(stream, "shard-1", "b", lost.Counter, Long, stealFrom: "a", CancellationToken.None);

        var renewed = await Store.RenewAsync([kept, lost], Long, CancellationToken.None);

        Assert.Equal(["shard-0"], renewed);
    }

    [Fact]
    public async Task A_successor_sees_the_announced_batch_until_it_is_checkpointed()
    {
        var stream = NewStream();
        await Store.EnsureShardsAsync(stream, ["shard-0"], CancellationToken.None);
        var a = (await Store.TryAcquireAsync(stream, "shard-0", "a", 0, Long, null, CancellationToken.None))!;
        await Store.AnnounceAsync(a, new PendingBatch("5", "9"), CancellationToken.None);

        var b = (await Store.TryAcquireAsync(stream, "shard-0", "b", a.Counter, Long, stealFrom: "a", CancellationToken.None))!;
        Assert.Equal(new PendingBatch("5", "9"), b.Pending);
        await Store.CheckpointAsync(b, "9", CancellationToken.None);
        var c = (await Store.TryAcquireAsync(stream, "shard-0", "c", b.Counter, Long, stealFrom: "b", CancellationToken.None))!;

        Assert.Null(c.Pending);
        Assert.Equal("9", c.Checkpoint);
    }

    [Fact]
    public async Task Finishing_a_shard_frees_its_lease_and_it_is_never_leased_again()
    {
        var stream = NewStream();
        await Store.EnsureShardsAsync(stream, ["shard-0"], CancellationToken.None);
        var a = (await Store.TryAcquireAsync(stream, "shard-0", "a", 0, Long, null, CancellationToken.None))!;

        await Store.FinishAsync(a, CancellationToken.None);

        var row = Assert.Single(await LeaseTable.ReadAsync(servers.Database, stream));
        Assert.Equal((null, true), (row.Owner, row.Finished));
        Assert.Null(await Store.TryAcquireAsync(stream, "shard-0", "b", a.Counter, Long, null, CancellationToken.None));
    }

    private static string NewStream() => $"store-{Guid.NewGuid():N}";
}
