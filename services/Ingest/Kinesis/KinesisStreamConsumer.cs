using CdnPulse.Kinesis;
using CdnPulse.Kinesis.Model;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest.Kinesis;

/// <summary>
/// Discovers the stream's shards every few seconds and runs one <see cref="ShardReader"/> per open or unfinished
/// shard. A child shard (after a split or merge) starts only when its parents are read to their end, so records of
/// one key stay in order.
/// </summary>
internal sealed class KinesisStreamConsumer(
    KinesisClient client,
    ShardCheckpointStore checkpoints,
    IServiceProvider services,
    IOptions<KinesisOptions> kinesisOptions,
    IOptions<IngestOptions> ingestOptions,
    ILogger<KinesisStreamConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan DiscoveryInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!ingestOptions.Value.ReadKinesis)
        {
            return;
        }
        var stream = kinesisOptions.Value.StreamName;
        var running = new Dictionary<string, Task>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var shards = await client.ListShardsAsync(stream, stoppingToken);
                var saved = await checkpoints.LoadAsync(stream, stoppingToken);
                var known = shards.Select(s => s.ShardId).ToHashSet(StringComparer.Ordinal);
                foreach (var finished in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
                {
                    running.Remove(finished);
                }
                foreach (var shard in shards)
                {
                    if (running.ContainsKey(shard.ShardId) || saved.GetValueOrDefault(shard.ShardId)?.Finished == true
                        || !ParentsFinished(shard, saved, known))
                    {
                        continue;
                    }
                    var reader = ActivatorUtilities.CreateInstance<ShardReader>(services, stream, shard.ShardId);
                    running[shard.ShardId] = reader.RunAsync(saved.GetValueOrDefault(shard.ShardId)?.SequenceNumber, stoppingToken);
                    IngestLog.ShardStarted(logger, shard.ShardId, stream);
                }
            }
            catch (KinesisException ex) when (ex.IsResourceNotFound)
            {
                IngestLog.StreamMissing(logger, stream);
            }
            catch (Exception ex) when (ex is KinesisException or HttpRequestException or Npgsql.NpgsqlException)
            {
                IngestLog.DiscoveryFailed(logger, ex, stream);
            }
            try
            {
                await Task.Delay(DiscoveryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(running.Values.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    /// <summary>A parent that has expired from the stream (not listed any more) cannot hold unread records.</summary>
    private static bool ParentsFinished(KinesisShard shard, IReadOnlyDictionary<string, ShardCheckpoint> saved, HashSet<string> known) =>
        new[] { shard.ParentShardId, shard.AdjacentParentShardId }
            .Where(p => p is not null && known.Contains(p))
            .All(p => saved.GetValueOrDefault(p!)?.Finished == true);
}
