namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Holds the current <see cref="IpLocationDatabase"/>. Reloads swap the whole snapshot with one reference
/// write, so readers never block and never see a half-loaded table; take <see cref="Current"/> once per batch.
/// </summary>
public sealed class IpLocationProvider
{
    private volatile IpLocationDatabase _current;
    private volatile Exception? _lastLoadError;
    private int _failedLoads;

    public IpLocationProvider() : this(IpLocationDatabase.Empty)
    {
    }

    public IpLocationProvider(IpLocationDatabase initial) => _current = initial;

    /// <summary>The latest successfully loaded snapshot (<see cref="IpLocationDatabase.Empty"/> before the first load).</summary>
    public IpLocationDatabase Current => _current;

    /// <summary>Why the latest load failed; null once a load succeeds again.</summary>
    public Exception? LastLoadError => _lastLoadError;

    /// <summary>Failed loads since start (the previous snapshot stayed in use each time).</summary>
    public int FailedLoads => Volatile.Read(ref _failedLoads);

    internal void Publish(IpLocationDatabase database)
    {
        _current = database;
        _lastLoadError = null;
    }

    internal void RecordFailure(Exception error)
    {
        _lastLoadError = error;
        Interlocked.Increment(ref _failedLoads);
    }
}
