using CdnPulse.Kinesis.Model;
using CdnPulse.Kinesis.Wire;

namespace CdnPulse.Kinesis;

public sealed partial class KinesisClient
{
    public const int MaxPutRecordsEntries = 500;
    public const int MaxGetRecordsLimit = 10_000;
    private const int MaxPartitionKeyLength = 256;

    /// <summary>
    /// An iterator into one shard, valid for five minutes. <paramref name="startingSequenceNumber"/> is required by (and only
    /// allowed with) AT_/AFTER_SEQUENCE_NUMBER, <paramref name="timestamp"/> likewise with AT_TIMESTAMP.
    /// </summary>
    public async Task<string> GetShardIteratorAsync(string streamName, string shardId, ShardIteratorType iteratorType,
        string? startingSequenceNumber = null, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default)
    {
        KinesisNames.ThrowIfInvalidStreamName(streamName, nameof(streamName));
        ArgumentException.ThrowIfNullOrEmpty(shardId);
        var needsSequence = iteratorType is ShardIteratorType.AtSequenceNumber or ShardIteratorType.AfterSequenceNumber;
        if (needsSequence != !string.IsNullOrEmpty(startingSequenceNumber))
        {
            throw new ArgumentException($"A starting sequence number is {(needsSequence ? "required" : "not allowed")} for {ToWire(iteratorType)}.",
                nameof(startingSequenceNumber));
        }
        var needsTimestamp = iteratorType == ShardIteratorType.AtTimestamp;
        if (needsTimestamp != timestamp.HasValue)
        {
            throw new ArgumentException($"A timestamp is {(needsTimestamp ? "required" : "not allowed")} for {ToWire(iteratorType)}.", nameof(timestamp));
        }
        using var activity = StartCall("GetShardIterator", streamName, shardId);
        activity?.SetTag("aws.kinesis.shard_iterator_type", ToWire(iteratorType));
        var request = new GetShardIteratorRequest(streamName, shardId, ToWire(iteratorType), startingSequenceNumber, timestamp);
        var response = await SendAsync("GetShardIterator", request, Json.GetShardIteratorRequest, Json.GetShardIteratorResponse, activity,
            cancellationToken);
        return response.ShardIterator;
    }

    /// <summary>
    /// Reads up to <paramref name="limit"/> records (server default: 10,000). Continue with NextShardIterator; when it is null
    /// the shard is closed and drained. Throws <see cref="KinesisException"/> with IsExpiredIterator after five minutes.
    /// </summary>
    public async Task<GetRecordsResult> GetRecordsAsync(string shardIterator, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(shardIterator);
        if (limit is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(limit));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxGetRecordsLimit, nameof(limit));
        }
        using var activity = StartCall("GetRecords");
        var result = await SendAsync("GetRecords", new GetRecordsRequest(shardIterator, limit), Json.GetRecordsRequest, Json.GetRecordsResult,
            activity, cancellationToken);
        activity?.SetTag(KinesisTelemetry.RecordCountTag, result.Records.Count);
        activity?.SetTag("aws.kinesis.millis_behind_latest", result.MillisBehindLatest);
        activity?.SetTag("aws.kinesis.shard_closed", result.NextShardIterator is null);
        return result;
    }

    public async Task<PutRecordResult> PutRecordAsync(string streamName, string partitionKey, ReadOnlyMemory<byte> data,
        CancellationToken cancellationToken = default)
    {
        KinesisNames.ThrowIfInvalidStreamName(streamName, nameof(streamName));
        ThrowIfInvalidPartitionKey(partitionKey, nameof(partitionKey));
        using var activity = StartCall("PutRecord", streamName);
        activity?.SetTag(KinesisTelemetry.RecordCountTag, 1);
        var result = await SendAsync("PutRecord", new PutRecordRequest(streamName, partitionKey, data), Json.PutRecordRequest, Json.PutRecordResult,
            activity, cancellationToken);
        activity?.SetTag(KinesisTelemetry.ShardTag, result.ShardId);
        return result;
    }

    /// <summary>
    /// Writes 1-500 records in one call. Entries can fail individually (FailedRecordCount &gt; 0) while the call succeeds:
    /// resend <see cref="PutRecordsResult.FailedEntries"/>, ideally after a back-off.
    /// </summary>
    public async Task<PutRecordsResult> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> entries,
        CancellationToken cancellationToken = default)
    {
        KinesisNames.ThrowIfInvalidStreamName(streamName, nameof(streamName));
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count is 0 or > MaxPutRecordsEntries)
        {
            throw new ArgumentOutOfRangeException(nameof(entries), entries.Count,
                $"PutRecords takes 1 to {MaxPutRecordsEntries} entries; split larger batches.");
        }
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            ThrowIfInvalidPartitionKey(entry.PartitionKey, nameof(entries));
        }
        using var activity = StartCall("PutRecords", streamName);
        activity?.SetTag(KinesisTelemetry.RecordCountTag, entries.Count);
        var result = await SendAsync("PutRecords", new PutRecordsRequest(streamName, entries), Json.PutRecordsRequest, Json.PutRecordsResult,
            activity, cancellationToken);
        activity?.SetTag(KinesisTelemetry.FailedRecordCountTag, result.FailedRecordCount);
        if (result.Records.Count != entries.Count)
        {
            throw new InvalidDataException($"Kinesis PutRecords answered {result.Records.Count} results for {entries.Count} entries.");
        }
        return result;
    }

    private static void ThrowIfInvalidPartitionKey(string? partitionKey, string parameterName)
    {
        if (partitionKey is not { Length: >= 1 and <= MaxPartitionKeyLength })
        {
            throw new ArgumentException($"A partition key must be 1-{MaxPartitionKeyLength} characters.", parameterName);
        }
    }

    private static string ToWire(ShardIteratorType type) => type switch
    {
        ShardIteratorType.TrimHorizon => "TRIM_HORIZON",
        ShardIteratorType.Latest => "LATEST",
        ShardIteratorType.AtSequenceNumber => "AT_SEQUENCE_NUMBER",
        ShardIteratorType.AfterSequenceNumber => "AFTER_SEQUENCE_NUMBER",
        ShardIteratorType.AtTimestamp => "AT_TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown shard iterator type."),
    };
}
