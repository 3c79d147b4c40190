using System.Diagnostics;
using System.Numerics;
using CdnPulse.Hosting;

namespace CdnPulse.Ingest.Tests;

/// <summary>
/// Several Ingest processes sharing a stream's shards through the lease table, on real kinesalite, PostgreSQL and
/// RabbitMQ. What reaches the bus is counted the way Aggregation counts it: one copy per batch id.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ShardLeaseTests(ServersFixture servers)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string> FastLeases = new()
    {
        ["Ingest__Leases__Duration"] = "00:00:03",
        ["Ingest__Leases__RenewInterval"] = "00:00:01",
        ["Ingest__Leases__DiscoveryInterval"] = "00:00:01",
    };

    [Fact]
    public async Task Two_instances_split_four_shards_and_a_killed_ones_shards_move_to_the_other_without_loss_or_double_counting()
    {
        var stream = $"leases-{Guid.NewGuid():N}";
        using var kinesis = servers.CreateKinesisClient();
        await kinesis.EnsureStreamAsync(stream, shardCount: 4);
        var (startA, startB) = (StartAsync("lease-a", stream), StartAsync("lease-b", stream));
        var (a, b) = (await startA, await startB);
        await using var _ = a;
        await using var __ = b;

        await Eventually.HoldsAsync(async () => Balanced(await LeaseTable.HeldAsync(servers.Database, stream), ("lease-a", 2), ("lease-b", 2)),
            "each instance holds two of the four shards", Settle, () => Describe(stream));
        await KinesisTraffic.PutAsync(kinesis, stream, "warm", 1, 200);
        await WaitForAllAsync(stream, "warm", 200);

        // Traffic keeps flowing while an instance dies and comes back: the takeovers happen mid-stream.
        using var stopTraffic = new CancellationTokenSource();
        var produced = 0;
        var traffic = Task.Run(async () =>
        {
            while (!stopTraffic.IsCancellationRequested)
            {
                await KinesisTraffic.PutAsync(kinesis, stream, "live", produced + 1, produced + 25);
                Volatile.Write(ref produced, produced + 25);
                await Task.Delay(50);
            }
        });

        await Eventually.HoldsAsync(() => Volatile.Read(ref produced) >= 100, "traffic is flowing", Settle);
        a.Kill();
        var afterKill = Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () => Balanced(await LeaseTable.HeldAsync(servers.Database, stream), ("lease-b", 4)),
            "the survivor holds all four shards", Settle, () => Describe(stream));
        Assert.True(afterKill.Elapsed < LeaseDuration + TimeSpan.FromSeconds(5),
            $"The takeover took {afterKill.Elapsed.TotalSeconds:0.0} s for a {LeaseDuration.TotalSeconds} s lease.");

        await a.RestartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(async () => Balanced(await LeaseTable.HeldAsync(servers.Database, stream), ("lease-a", 2), ("lease-b", 2)),
            "the restarted instance took back its fair share, one shard at a time", Settle, () => Describe(stream));

        await stopTraffic.CancelAsync();
        await traffic;
        await WaitForAllAsync(stream, "live", produced);
        var counts = KinesisTraffic.CountPaths(servers.Received.Distinct($"kinesis:{stream}:"));
        Assert.Equal(200 + produced, counts.Count);
        Assert.All(counts, path => Assert.Equal(1, path.Value));
    }

    [Fact]
    public async Task A_reshard_is_read_parents_before_children_and_a_restart_resumes_at_the_checkpoint()
    {
        var stream = $"reshard-{Guid.NewGuid():N}";
        using var kinesis = servers.CreateKinesisClient();
        await kinesis.EnsureStreamAsync(stream, shardCount: 2);
        var (startA, startB) = (StartAsync("reshard-a", stream), StartAsync("reshard-b", stream));
        var (a, b) = (await startA, await startB);
        await using var _ = a;
        await using var __ = b;
        var original = (await kinesis.ListShardsAsync(stream)).OrderBy(s => BigInteger.Parse(s.HashKeyRange.StartingHashKey)).ToArray();
        await KinesisTraffic.PutAsync(kinesis, stream, "before", 1, 30, original[0].HashKeyRange.StartingHashKey);
        await KinesisTraffic.PutAsync(kinesis, stream, "before", 31, 60, original[1].HashKeyRange.StartingHashKey);

        await kinesis.SplitShardAsync(stream, original[0].ShardId, original[0].HashKeyRange.MidpointHashKey());
        await kinesis.WaitForStreamActiveAsync(stream, Settle);
        var children = (await kinesis.ListShardsAsync(stream)).Where(s => s.ParentShardId == original[0].ShardId)
            .OrderBy(s => BigInteger.Parse(s.HashKeyRange.StartingHashKey)).ToArray();
        Assert.Equal(2, children.Length);
        await KinesisTraffic.PutAsync(kinesis, stream, "split", 1, 30, children[0].HashKeyRange.StartingHashKey);
        await KinesisTraffic.PutAsync(kinesis, stream, "split", 31, 60, children[1].HashKeyRange.StartingHashKey);
        await KinesisTraffic.PutAsync(kinesis, stream, "split", 61, 90, original[1].HashKeyRange.StartingHashKey);

        await kinesis.MergeShardsAsync(stream, children[1].ShardId, original[1].ShardId);
        await kinesis.WaitForStreamActiveAsync(stream, Settle);
        var shards = await kinesis.ListShardsAsync(stream);
        var merged = shards.Single(s => s.ParentShardId == children[1].ShardId);
        await KinesisTraffic.PutAsync(kinesis, stream, "merged", 1, 30, children[0].HashKeyRange.StartingHashKey);
        await KinesisTraffic.PutAsync(kinesis, stream, "merged", 31, 60, merged.HashKeyRange.StartingHashKey);

        await WaitForAllAsync(stream, "before", 60);
        await WaitForAllAsync(stream, "split", 90);
        await WaitForAllAsync(stream, "merged", 60);
        var batches = servers.Received.Distinct($"kinesis:{stream}:");
        foreach (var child in shards.Where(s => s.ParentShardId is not null))
        {
            var firstOfChild = batches.Where(bt => ShardOf(bt.BatchId) == child.ShardId).Min(bt => bt.ReceivedAt);
            foreach (var parent in new[] { child.ParentShardId, child.AdjacentParentShardId }.OfType<string>())
            {
                var lastOfParent = batches.Where(bt => ShardOf(bt.BatchId) == parent).Max(bt => bt.ReceivedAt);
                Assert.True(lastOfParent <= firstOfChild, $"{child.ShardId} was published from before its parent {parent} was drained.");
            }
        }
        var rows = await LeaseTable.ReadAsync(servers.Database, stream);
        Assert.All(new[] { original[0].ShardId, original[1].ShardId, children[1].ShardId },
            closed => Assert.True(rows.Single(r => r.ShardId == closed).Finished, $"{closed} is not marked finished: {LeaseTable.Describe(rows)}"));

        // Both die at once with everything checkpointed; after the restart only the new lines may arrive.
        a.Kill();
        b.Kill();
        var seenBefore = servers.Received.Batches(bt => bt.BatchId.StartsWith($"kinesis:{stream}:", StringComparison.Ordinal)).Count;
        await KinesisTraffic.PutAsync(kinesis, stream, "restart", 1, 40);
        await Task.WhenAll(a.RestartAsync(CancellationToken.None), b.RestartAsync(CancellationToken.None));
        await WaitForAllAsync(stream, "restart", 40);

        var afterRestart = servers.Received.Batches(bt => bt.BatchId.StartsWith($"kinesis:{stream}:", StringComparison.Ordinal)).Skip(seenBefore).ToList();
        Assert.Equal(40, afterRestart.Sum(bt => bt.Requests.Count));
        Assert.All(afterRestart.SelectMany(bt => bt.Requests), r => Assert.StartsWith("/restart/", r.UriStem, StringComparison.Ordinal));
        var counts = KinesisTraffic.CountPaths(servers.Received.Distinct($"kinesis:{stream}:"));
        Assert.Equal(60 + 90 + 60 + 40, counts.Count);
        Assert.All(counts, path => Assert.Equal(1, path.Value));
    }

    private Task<ServiceProcess> StartAsync(string name, string stream) => servers.StartIngestAsync(name, stream, FastLeases);

    private static string ShardOf(string batchId) => batchId.Split(':')[2];

    private static bool Balanced(Dictionary<string, int> held, params (string Owner, int Count)[] expected) =>
        held.Count == expected.Length && expected.All(e => held.GetValueOrDefault(e.Owner) == e.Count);

    private async Task WaitForAllAsync(string stream, string tag, int count) =>
        await Eventually.HoldsAsync(
            () => KinesisTraffic.CountPaths(servers.Received.Distinct($"kinesis:{stream}:")).Keys.Count(p => p.StartsWith($"/{tag}/", StringComparison.Ordinal)) >= count,
            $"all {count} '{tag}' lines reached the bus", Settle, () => Describe(stream));

    private string Describe(string stream)
    {
        var rows = LeaseTable.ReadAsync(servers.Database, stream).GetAwaiter().GetResult();
        var logs = string.Join(Environment.NewLine, servers.Log.Tail("lease-a", 15).Concat(servers.Log.Tail("lease-b", 15))
            .Concat(servers.Log.Tail("reshard-a", 15)).Concat(servers.Log.Tail("reshard-b", 15)));
        return $"Leases: {LeaseTable.Describe(rows)}{Environment.NewLine}{logs}";
    }
}
