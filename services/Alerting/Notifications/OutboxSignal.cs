namespace CdnPulse.Alerting.Notifications;

/// <summary>
/// Wakes an outbox worker as soon as a state change commits, so a notification leaves at once instead of at the next
/// poll. Signals coalesce; other instances rely on their poll interval.
/// </summary>
internal abstract class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Signal()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled and not yet consumed: one wake-up covers both.
        }
    }

    /// <summary>Completes with true when signalled, false after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
