using CdnPulse.Kinesis.Model;
using CdnPulse.Kinesis.Wire;

namespace CdnPulse.Kinesis;

public sealed partial class KinesisClient
{
    /// <summary>All shards of the stream, open and closed (following NextToken), with their parent relations.</summary>
    public async Task<IReadOnlyList<KinesisShard>> ListShardsAsync(string streamName, CancellationToken cancellationToken = default)
    {
        KinesisNames.ThrowIfInvalidStreamName(streamName, nameof(streamName));
        var shards = new List<KinesisShard>();
        string? nextToken = null;
        do
        {
            using var activity = StartCall("ListShards", streamName);
            // The API rejects StreamName together with NextToken: the token alone identifies the stream.
            var request = nextToken is null ? new ListShardsRequest(streamName, null) : new ListShardsRequest(null, nextToken);
            var page = await SendAsync("ListShards", request, Json.ListShardsRequest, Json.ListShardsResponse, activity, cancellationToken);
            activity?.SetTag("aws.kinesis.shard_count", page.Shards.Count);
            shards.AddRange(page.Shards);
            if (page.NextToken is not null && page.NextToken == nextToken)
            {
                throw new InvalidDataException($"Kinesis ListShards for '{streamName}' returned the same NextToken twice.");
            }
            nextToken = page.NextToken;
        }
        while (nextToken is not null);
        return shards;
    }

    /// <summary>Splits a shard at <paramref name="newStartingHashKey"/> (see <see cref="HashKeyRange.MidpointHashKey"/>); the stream is UPDATING meanwhile.</summary>
    public async Task SplitShardAsync(string streamName, string shardToSplit, string newStartingHashKey, CancellationToken cancellationToken = default)
    {
        KinesisNames.ThrowIfInvalidStreamName(streamName, nameof(streamName));
        ArgumentException.ThrowIfNullOrEmpty(shardToSplit);
        ArgumentException.ThrowIfNullOrEmpty(newStartingHashKey);
        using var activity = StartCall("SplitShard", streamName, shardToSplit);
        await SendAsync("SplitShard", new SplitShardRequest(streamName, shardToSplit, newStartingHashKey), Json.SplitShardRequest, activity,
            cancellationToken);
    }

    /// <summary>Merges two shards with adjacent hash key ranges into one; the stream is UPDATING meanwhile.</summary>
    public async Task MergeShardsAsync(string streamName, string shardToMerge, string adjacentShardToMerge, CancellationToken cancellationToken = default)
    {
        KinesisNames.ThrowIfInvalidStreamName(streamName, nameof(streamName));
        ArgumentException.ThrowIfNullOrEmpty(shardToMerge);
        ArgumentException.ThrowIfNullOrEmpty(adjacentShardToMerge);
        using var activity = StartCall("MergeShards", streamName, shardToMerge);
        await SendAsync("MergeShards", new MergeShardsRequest(streamName, shardToMerge, adjacentShardToMerge), Json.MergeShardsRequest, activity,
            cancellationToken);
    }

    /// <summary>Uniformly rescales the stream to <paramref name="targetShardCount"/> open shards (not supported by kinesalite).</summary>
    public async Task<UpdateShardCountResult> UpdateShardCountAsync(string streamName, int targetShardCount, CancellationToken cancellationToken = default)
    {
        KinesisNames.ThrowIfInvalidStreamName(streamName, nameof(streamName));
        ArgumentOutOfRangeException.ThrowIfLessThan(targetShardCount, 1);
        using var activity = StartCall("UpdateShardCount", streamName);
        activity?.SetTag("aws.kinesis.shard_count", targetShardCount);
        return await SendAsync("UpdateShardCount", new UpdateShardCountRequest(streamName, targetShardCount), Json.UpdateShardCountRequest,
            Json.UpdateShardCountResult, activity, cancellationToken);
    }
}
