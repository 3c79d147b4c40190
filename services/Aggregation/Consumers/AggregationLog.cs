namespace CdnPulse.Aggregation.Consumers;

internal static partial class AggregationLog
{
    [LoggerMessage(1, LogLevel.Information,
        "Counted {Fresh} batches ({Duplicates} already counted, {Lines} lines) into {Windows} window contributions: fold {FoldMs} ms, append {AppendMs} ms, commit {CommitMs} ms")]
    public static partial void Committed(ILogger logger, int fresh, int duplicates, long lines, int windows, long foldMs, long appendMs, long commitMs);

    [LoggerMessage(2, LogLevel.Information, "Skipped batches already counted: {BatchIds}")]
    public static partial void SkippedDuplicates(ILogger logger, string batchIds);

    [LoggerMessage(3, LogLevel.Warning,
        "Dropped {Lines} lines of {Domain} as too late: windows {Oldest:u} to {Newest:u} are older than the retention of {RetentionDays} days")]
    public static partial void DroppedTooLate(ILogger logger, long lines, string domain, DateTimeOffset oldest, DateTimeOffset newest, int retentionDays);
}
