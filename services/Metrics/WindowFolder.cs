using CdnPulse.Contracts;

namespace CdnPulse.Metrics;

/// <summary>
/// Folds requests into 1-minute windows keyed by domain, then country: [start, start + 60 s). A request whose
/// window starts before <paramref name="oldestWindow"/> (the retention) is not folded but tallied in <see cref="Dropped"/>.
/// </summary>
public sealed class WindowFolder(DateTimeOffset? oldestWindow = null)
{
    public static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(1);

    private readonly long _oldestMinuteMs = oldestWindow?.ToUnixTimeMilliseconds() ?? long.MinValue;
    private readonly Dictionary<(string Domain, long MinuteMs), Dictionary<string, WindowStats>> _windows = [];
    private readonly Dictionary<string, DroppedLines> _dropped = new(StringComparer.Ordinal);

    public int WindowCount => _windows.Count;

    /// <summary>Requests folded so far.</summary>
    public long Folded { get; private set; }

    /// <summary>Requests refused as too late, per domain.</summary>
    public IReadOnlyDictionary<string, DroppedLines> Dropped => _dropped;

    /// <summary>Folds the request into its window; false when the window is older than the retention.</summary>
    public bool Add(CdnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var minuteMs = request.TimestampMs - Mod(request.TimestampMs, 60_000);
        if (minuteMs < _oldestMinuteMs)
        {
            if (!_dropped.TryGetValue(request.Host, out var dropped))
            {
                dropped = new DroppedLines();
                _dropped[request.Host] = dropped;
            }
            dropped.Add(minuteMs);
            return false;
        }
        var key = (request.Host, minuteMs);
        if (!_windows.TryGetValue(key, out var countries))
        {
            countries = [];
            _windows[key] = countries;
        }
        var country = request.Country ?? "NotFound";
        if (!countries.TryGetValue(country, out var stats))
        {
            stats = new WindowStats();
            countries[country] = stats;
        }
        stats.Add(request);
        Folded++;
        return true;
    }

    /// <summary>
    /// One contribution per window, in (domain, minute) order. Each window's URL summary is cut to its heavy hitters in
    /// place (cutting again changes nothing).
    /// </summary>
    public IEnumerable<WindowContributed> Contributions(IReadOnlyList<string> batchIds) =>
        _windows
            .OrderBy(w => w.Key.Domain, StringComparer.Ordinal).ThenBy(w => w.Key.MinuteMs)
            .Select(w => new WindowContributed(w.Key.Domain, DateTimeOffset.FromUnixTimeMilliseconds(w.Key.MinuteMs), batchIds,
                w.Value.ToDictionary(c => c.Key, c => Bounded(c.Value))));

    private static WindowStats Bounded(WindowStats stats)
    {
        stats.Urls = stats.Urls.Truncate();
        return stats;
    }

    private static long Mod(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
