using CdnPulse.CdnLogs;
using CdnPulse.Ingest.Kinesis;
using CdnPulse.Ingest.Publishing;
using CdnPulse.Kinesis;
using CdnPulse.Kinesis.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest.Tests;

/// <summary>One shard reader in process, on real kinesalite, PostgreSQL and RabbitMQ: what it does with a lease it inherits or loses.</summary>
[Collection(ServersCollection.Name)]
public sealed class ShardReaderTests(ServersFixture servers) : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly KinesisClient _kinesis = servers.CreateKinesisClient();

    private ShardLeaseStore Store => new(servers.Database);

    public void Dispose()
    {
        _kinesis.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task A_successor_publishes_the_range_its_predecessor_announced_under_the_same_id_then_goes_on()
    {
        var (stream, shard) = await NewStreamAsync();
        await KinesisTraffic.PutAsync(_kinesis, stream, "inherit", 1, 10);
        var sequences = await SequenceNumbersAsync(stream, shard);
        await Store.EnsureShardsAsync(stream, [shard], CancellationToken.None);
        var dead = (await Store.TryAcquireAsync(stream, shard, "dead", 0, Long, null, CancellationToken.None))!;
        await Store.AnnounceAsync(dead, new PendingBatch(sequences[0], sequences[3]), CancellationToken.None);
        var successor = (await Store.TryAcquireAsync(stream, shard, "successor", dead.Counter, Long, stealFrom: "dead", CancellationToken.None))!;

        using var stop = new CancellationTokenSource();
        var reading = Reader(successor).RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => servers.Received.Distinct($"kinesis:{stream}:").Sum(b => b.Requests.Count) >= 10,
            "all ten lines reached the bus", TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await reading;

        var batches = servers.Received.Distinct($"kinesis:{stream}:");
        Assert.Equal($"kinesis:{stream}:{shard}:{sequences[0]}-{sequences[3]}", batches[0].BatchId);
        Assert.Equal(4, batches[0].Requests.Count);
        Assert.All(KinesisTraffic.CountPaths(batches), path => Assert.Equal(1, path.Value));
        Assert.Equal(sequences[^1], (await LeaseTable.ReadAsync(servers.Database, stream)).Single().Checkpoint);
    }

    [Fact]
    public async Task A_reader_whose_lease_was_taken_stops_without_publishing_or_moving_the_checkpoint()
    {
        var (stream, shard) = await NewStreamAsync();
        await KinesisTraffic.PutAsync(_kinesis, stream, "stale", 1, 5);
        await Store.EnsureShardsAsync(stream, [shard], CancellationToken.None);
        var stale = (await Store.TryAcquireAsync(stream, shard, "stale", 0, Long, null, CancellationToken.None))!;
        await Store.TryAcquireAsync(stream, shard, "new-owner", stale.Counter, Long, stealFrom: "stale", CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Reader(stale).RunAsync(timeout.Token);

        Assert.False(timeout.IsCancellationRequested, "The reader kept going after its lease was taken.");
        var row = (await LeaseTable.ReadAsync(servers.Database, stream)).Single();
        Assert.Equal(("new-owner", (string?)null), (row.Owner, row.Checkpoint));
        Assert.Empty(servers.Received.Batches(b => b.BatchId.StartsWith($"kinesis:{stream}:", StringComparison.Ordinal)));
    }

    private async Task<(string Stream, string Shard)> NewStreamAsync()
    {
        var stream = $"reader-{Guid.NewGuid():N}";
        await _kinesis.EnsureStreamAsync(stream, shardCount: 1);
        return (stream, (await _kinesis.ListShardsAsync(stream)).Single().ShardId);
    }

    private async Task<List<string>> SequenceNumbersAsync(string stream, string shard)
    {
        var iterator = await _kinesis.GetShardIteratorAsync(stream, shard, ShardIteratorType.TrimHorizon);
        return [.. (await _kinesis.GetRecordsAsync(iterator)).Records.Select(r => r.SequenceNumber)];
    }

    private ShardReader Reader(ShardLease lease)
    {
        var metrics = new IngestMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var publisher = new LogBatchPublisher(servers.Bus, Options.Create(new IngestOptions()), metrics, new RejectLog());
        return new ShardReader(lease, _kinesis, new RealtimeLogParser(RealtimeLogFormat.Default), publisher, Store, metrics,
            NullLogger<ShardReader>.Instance);
    }
}
