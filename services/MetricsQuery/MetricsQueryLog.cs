namespace CdnPulse.MetricsQuery;

/// <summary>MetricsQuery's log lines. Keys are never logged: only their id, name and scopes.</summary>
internal static partial class MetricsQueryLog
{
    [LoggerMessage(1, LogLevel.Warning, "Could not read the projection checkpoint; live updates wait")]
    public static partial void CheckpointReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "API key {KeyId} ({KeyName}) created with scopes {Scopes} by {CreatedBy}")]
    public static partial void ApiKeyCreated(ILogger logger, Guid keyId, string keyName, string scopes, string createdBy);

    [LoggerMessage(3, LogLevel.Information, "API key {KeyId} ({KeyName}) revoked by {RevokedBy}")]
    public static partial void ApiKeyRevoked(ILogger logger, Guid keyId, string keyName, string revokedBy);

    [LoggerMessage(5, LogLevel.Warning, "The minute projection's checkpoint went back from {Before} to {After}: a rebuild; the minute cache is bypassed until it catches up")]
    public static partial void RebuildNoticed(ILogger logger, long before, long after);

    [LoggerMessage(4, LogLevel.Debug, "Live stream opened for {Domain}; {Subscribers} open on this instance")]
    public static partial void StreamOpened(ILogger logger, string domain, int subscribers);
}
