namespace CdnPulse.Ingest.Kinesis;

internal static partial class IngestLog
{
    [LoggerMessage(1, LogLevel.Information, "Reading shard {ShardId} of stream {Stream} (lease {Counter}, from {Checkpoint})")]
    public static partial void ShardStarted(ILogger logger, string shardId, string stream, long counter, string checkpoint);

    [LoggerMessage(2, LogLevel.Warning, "Kinesis stream {Stream} does not exist (yet); retrying")]
    public static partial void StreamMissing(ILogger logger, string stream);

    [LoggerMessage(3, LogLevel.Warning, "Lease round on stream {Stream} failed; retrying")]
    public static partial void RoundFailed(ILogger logger, Exception exception, string stream);

    [LoggerMessage(4, LogLevel.Information, "Shard {ShardId} is read to its end")]
    public static partial void ShardFinished(ILogger logger, string shardId);

    [LoggerMessage(5, LogLevel.Warning, "Reading shard {ShardId} failed; backing off {DelayMs} ms")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string shardId, int delayMs);

    [LoggerMessage(6, LogLevel.Debug, "Shard {ShardId}: published {Accepted} lines, rejected {Rejected}, up to {SequenceNumber}")]
    public static partial void Published(ILogger logger, string shardId, int accepted, int rejected, string sequenceNumber);

    [LoggerMessage(7, LogLevel.Information, "Lease on shard {ShardId} went to another instance; stopped reading it")]
    public static partial void LeaseLost(ILogger logger, string shardId);

    [LoggerMessage(8, LogLevel.Warning, "Shard {ShardId}: the announced range {First}-{Last} was not found whole ({Found} records); published what was found")]
    public static partial void ReplayIncomplete(ILogger logger, string shardId, string first, string last, int found);

    [LoggerMessage(9, LogLevel.Information, "Instance {InstanceId} took shard {ShardId} from {PreviousOwner} (fair share {Target})")]
    public static partial void Stole(ILogger logger, string instanceId, string shardId, string previousOwner, int target);

    [LoggerMessage(10, LogLevel.Error, "Reader of shard {ShardId} stopped unexpectedly")]
    public static partial void ReaderCrashed(ILogger logger, Exception exception, string shardId);

    [LoggerMessage(11, LogLevel.Information, "Ingest instance {InstanceId} reads stream {Stream} (lease {LeaseSeconds} s)")]
    public static partial void InstanceStarted(ILogger logger, string instanceId, string stream, double leaseSeconds);
}
