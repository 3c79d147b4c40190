using CdnPulse.Contracts;

namespace CdnPulse.LoadGen.Totals;

/// <summary>
/// Exact totals of a set of enriched requests per domain × minute × country. Fill one per batch, merge the batches
/// that were acknowledged. Not thread-safe.
/// </summary>
public sealed class TrafficTotals
{
    /// <summary>The country of a request that has none (a look-up miss).</summary>
    public const string UnknownCountry = "NotFound";

    private const long MinuteMs = 60_000;

    private readonly Dictionary<WindowKey, WindowTotals> _windows = [];

    public long Requests { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>The windows, ordered by domain, minute, country.</summary>
    public IReadOnlyList<WindowTotals> Windows => [.. _windows.Values.OrderBy(w => w.Key)];

    public void Add(CdnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var minute = request.TimestampMs - (((request.TimestampMs % MinuteMs) + MinuteMs) % MinuteMs);
        var key = new WindowKey(request.Host, minute, string.IsNullOrEmpty(request.Country) ? UnknownCountry : request.Country);
        if (!_windows.TryGetValue(key, out var window))
        {
            window = new WindowTotals { Domain = key.Domain, Minute = DateTimeOffset.FromUnixTimeMilliseconds(minute), Country = key.Country };
            _windows.Add(key, window);
        }

        window.Add(request);
        Requests++;
        Bytes += request.BytesSent;
    }

    public void Merge(TrafficTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, window) in other._windows)
        {
            if (_windows.TryGetValue(key, out var mine))
            {
                mine.Merge(window);
            }
            else
            {
                var copy = new WindowTotals { Domain = window.Domain, Minute = window.Minute, Country = window.Country };
                copy.Merge(window);
                _windows.Add(key, copy);
            }
        }

        Requests += other.Requests;
        Bytes += other.Bytes;
    }
}
