namespace CdnPulse.Aggregation.Consumers;

internal static partial class AggregationLog
{
    [LoggerMessage(1, LogLevel.Information, "Counted {Fresh} batches ({Duplicates} already counted) into {Windows} window contributions")]
    public static partial void Committed(ILogger logger, int fresh, int duplicates, int windows);
}
