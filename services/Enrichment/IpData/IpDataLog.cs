namespace CdnPulse.Enrichment.IpData;

internal static partial class IpDataLog
{
    [LoggerMessage(1, LogLevel.Information, "Loaded IP data in {ElapsedMs} ms: {Database}")]
    public static partial void Loaded(ILogger logger, long elapsedMs, IpLocationDatabase database);

    [LoggerMessage(2, LogLevel.Warning, "{Overlaps} IP ranges overlap another range; the later-starting (more specific) range wins ({Source})")]
    public static partial void OverlappingRanges(ILogger logger, int overlaps, string source);

    [LoggerMessage(3, LogLevel.Error, "Loading IP data from {Folder} failed; lookups keep using the previous data ({Source})")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, string folder, string source);

    [LoggerMessage(4, LogLevel.Warning, "Cannot watch {Folder} for changes; relying on the check every {Interval}")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string folder, TimeSpan interval);

    [LoggerMessage(5, LogLevel.Information, "IP data files in {Folder} changed; reloading")]
    public static partial void FilesChanged(ILogger logger, string folder);
}
