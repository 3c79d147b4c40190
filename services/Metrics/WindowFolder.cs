using CdnPulse.Contracts;

namespace CdnPulse.Metrics;

/// <summary>Folds requests into 1-minute windows keyed by domain, then country: [start, start + 60 s).</summary>
public sealed class WindowFolder
{
    public static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(1);

    private readonly Dictionary<(string Domain, long MinuteMs), Dictionary<string, WindowStats>> _windows = [];

    public int WindowCount => _windows.Count;

    public void Add(CdnRequest request)
    {
        var minuteMs = request.TimestampMs - Mod(request.TimestampMs, 60_000);
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
    }

    public IEnumerable<WindowContributed> Contributions(IReadOnlyList<string> batchIds) =>
        _windows
            .OrderBy(w => w.Key.Domain, StringComparer.Ordinal).ThenBy(w => w.Key.MinuteMs)
            .Select(w => new WindowContributed(w.Key.Domain, DateTimeOffset.FromUnixTimeMilliseconds(w.Key.MinuteMs), batchIds, w.Value));

    private static long Mod(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
