namespace CdnPulse.Ingest.Kinesis;

internal static partial class IngestLog
{
    [LoggerMessage(1, LogLevel.Information, "Reading shard {ShardId} of stream {Stream}")]
    public static partial void ShardStarted(ILogger logger, string shardId, string stream);

    [LoggerMessage(2, LogLevel.Warning, "Kinesis stream {Stream} does not exist (yet); retrying")]
    public static partial void StreamMissing(ILogger logger, string stream);

    [LoggerMessage(3, LogLevel.Warning, "Shard discovery on stream {Stream} failed; retrying")]
    public static partial void DiscoveryFailed(ILogger logger, Exception exception, string stream);

    [LoggerMessage(4, LogLevel.Information, "Shard {ShardId} is read to its end")]
    public static partial void ShardFinished(ILogger logger, string shardId);

    [LoggerMessage(5, LogLevel.Warning, "Reading shard {ShardId} failed; backing off {DelayMs} ms")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string shardId, int delayMs);

    [LoggerMessage(6, LogLevel.Debug, "Shard {ShardId}: published {Accepted} lines, rejected {Rejected}, up to {SequenceNumber}")]
    public static partial void Published(ILogger logger, string shardId, int accepted, int rejected, string sequenceNumber);
}
