namespace CdnPulse.EventStore;

/// <summary>An append found its stream at another version than expected; nothing was appended.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long actualVersion, Exception? innerException = null)
    : Exception(Describe(streamId, expected, actualVersion), innerException)
{
    public string StreamId { get; } = streamId;

    public ExpectedVersion ExpectedVersion { get; } = expected;

    /// <summary>The stream's version when the append was refused; 0 when the stream does not exist.</summary>
    public long ActualVersion { get; } = actualVersion;

    private static string Describe(string streamId, ExpectedVersion expected, long actual) => actual == 0
        ? $"Append to stream '{streamId}' expected {expected}, but the stream does not exist."
        : $"Append to stream '{streamId}' expected {expected}, but the stream is at version {actual}.";
}
