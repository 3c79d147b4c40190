using System.Diagnostics;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Tests;

/// <summary>Reads a stream from TRIM_HORIZON on every shard, polling until enough records arrived or the deadline passes.</summary>
public static class ShardReader
{
    public static async Task<IReadOnlyList<(string ShardId, KinesisRecord Record)>> ReadAsync(KinesisClient client, string streamName,
        int expectedCount, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var started = Stopwatch.GetTimestamp();
        var iterators = new Dictionary<string, string?>();
        foreach (var shard in await client.ListShardsAsync(streamName, cancellation.Token))
        {
            iterators[shard.ShardId] = await client.GetShardIteratorAsync(streamName, shard.ShardId, ShardIteratorType.TrimHorizon,
                cancellationToken: cancellation.Token);
        }
        var read = new List<(string, KinesisRecord)>();
        while (true)
        {
            foreach (var (shardId, iterator) in iterators.Where(pair => pair.Value is not null).ToArray())
            {
                var page = await client.GetRecordsAsync(iterator!, cancellationToken: cancellation.Token);
                read.AddRange(page.Records.Select(record => (shardId, record)));
                iterators[shardId] = page.NextShardIterator;
            }
            if (read.Count >= expectedCount || iterators.Values.All(iterator => iterator is null))
            {
                return read;
            }
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Read {read.Count} of {expectedCount} records from '{streamName}' within {timeout}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellation.Token);
        }
    }
}
