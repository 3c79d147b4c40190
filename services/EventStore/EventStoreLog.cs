using Microsoft.Extensions.Logging;

namespace CdnPulse.EventStore;

internal static partial class EventStoreLog
{
    [LoggerMessage(1, LogLevel.Information, "Projection {Projection} daemon started")]
    public static partial void DaemonStarted(ILogger logger, string projection);

    [LoggerMessage(2, LogLevel.Information, "Projection {Projection} daemon stopped at position {Position}")]
    public static partial void DaemonStopped(ILogger logger, string projection, long position);

    [LoggerMessage(3, LogLevel.Error, "Projection {Projection} batch failed ({Failures} in a row); retrying in {Delay}")]
    public static partial void BatchFailed(ILogger logger, Exception exception, string projection, int failures, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Information, "Projection {Projection} recovered after {Failures} failed attempts")]
    public static partial void Recovered(ILogger logger, string projection, int failures);

    [LoggerMessage(5, LogLevel.Information, "Projection {Projection} rebuild started; high-water mark {HighWaterMark}")]
    public static partial void RebuildStarted(ILogger logger, string projection, long highWaterMark);

    [LoggerMessage(6, LogLevel.Information, "Projection {Projection} rebuilt: {Events} events replayed up to position {Position}")]
    public static partial void RebuildFinished(ILogger logger, string projection, long events, long position);

    [LoggerMessage(7, LogLevel.Information, "Projection {Projection} batch limit {Before} -> {After} events")]
    public static partial void BatchLimitChanged(ILogger logger, string projection, int before, int after);
}
