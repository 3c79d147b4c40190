namespace CdnPulse.LoadGen.Running;

/// <summary>Live counters of a run, updated by the runner and the sinks from any thread, read by the progress display.</summary>
public sealed class RunCounters
{
    private long _generated;
    private long _acknowledged;
    private long _records;
    private long _payloadBytes;
    private long _retries;
    private string? _lastRetryReason;

    public long Generated => Interlocked.Read(ref _generated);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Records => Interlocked.Read(ref _records);

    public long PayloadBytes => Interlocked.Read(ref _payloadBytes);

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Why the latest retry happened (throttling, a 5xx, …), for the display.</summary>
    public string? LastRetryReason => Volatile.Read(ref _lastRetryReason);

    public void AddGenerated(int lines) => Interlocked.Add(ref _generated, lines);

    public void AddAcknowledged(LineBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Interlocked.Add(ref _acknowledged, batch.Lines);
        Interlocked.Add(ref _records, batch.Records.Count);
        Interlocked.Add(ref _payloadBytes, batch.PayloadBytes);
    }

    public void AddRetries(int count, string reason)
    {
        Interlocked.Add(ref _retries, count);
        Volatile.Write(ref _lastRetryReason, reason);
    }
}
