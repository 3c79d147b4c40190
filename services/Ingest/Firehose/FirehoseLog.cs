namespace CdnPulse.Ingest.Firehose;

internal static partial class FirehoseLog
{
    [LoggerMessage(101, LogLevel.Information, "Firehose request {RequestId}: {StatusCode}, {Accepted} lines accepted, {Rejected} rejected")]
    public static partial void Delivered(ILogger logger, string requestId, int statusCode, int accepted, int rejected);

    [LoggerMessage(102, LogLevel.Information, "Firehose request {RequestId} was delivered before; answered 200 without publishing again")]
    public static partial void Duplicate(ILogger logger, string requestId);

    [LoggerMessage(103, LogLevel.Warning, "Firehose request {RequestId} refused with {StatusCode}: {Reason}")]
    public static partial void Refused(ILogger logger, string requestId, int statusCode, string reason);

    [LoggerMessage(104, LogLevel.Warning, "Firehose request {RequestId} failed with 503; Firehose will retry")]
    public static partial void Failed(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(105, LogLevel.Warning, "Firehose request {RequestId} was published but could not be remembered; a retry publishes it again (dropped downstream)")]
    public static partial void NotRecorded(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(106, LogLevel.Debug, "Forgot {Count} Firehose request ids past their retention")]
    public static partial void Pruned(ILogger logger, int count);

    [LoggerMessage(107, LogLevel.Warning, "Pruning remembered Firehose request ids failed")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
