namespace CdnPulse.Dashboard.Store;

/// <summary>
/// Recent points of every metric series (service × instrument × attribute set): the latest point plus a short
/// history of <c>pointsPerSeries</c>. The number of series is bounded too; samples of series beyond
/// <c>maxSeries</c> are counted in <see cref="DroppedSamples"/> instead of stored, so a high-cardinality attribute
/// cannot exhaust memory.
/// </summary>
public sealed class MetricStore(int pointsPerSeries, int maxSeries)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _series = new(StringComparer.Ordinal);
    private long _dropped;

    public long DroppedSamples => Interlocked.Read(ref _dropped);

    public int SeriesCount
    {
        get
        {
            lock (_gate)
            {
                return _series.Count;
            }
        }
    }

    public void Add(IEnumerable<MetricSample> samples)
    {
        lock (_gate)
        {
            foreach (var sample in samples)
            {
                var key = Key(sample.Service, sample.Name, sample.Attributes);
                if (!_series.TryGetValue(key, out var entry))
                {
                    if (_series.Count >= maxSeries)
                    {
                        _dropped++;
                        continue;
                    }
                    entry = new Entry(sample);
                    _series[key] = entry;
                }
                // A point no newer than the last one is a re-sent export; series only move forward.
                if (entry.Latest is { } latest && latest.Time >= sample.Point.Time)
                {
                    continue;
                }
                entry.Latest = sample.Point;
                entry.Points.Enqueue(sample.Point);
                while (entry.Points.Count > pointsPerSeries)
                {
                    entry.Points.Dequeue();
                }
            }
        }
    }

    /// <summary>Every series of an instrument (across services unless <paramref name="service"/> is given).</summary>
    public IReadOnlyList<MetricSeries> Series(string name, string? service = null)
    {
        lock (_gate)
        {
            return [.. _series.Values
                .Where(e => e.Identity.Name == name && (service is null || e.Identity.Service == service))
                .Select(e => e.Snapshot())];
        }
    }

    /// <summary>Every instrument seen, by service: name, unit, kind and how many series it has.</summary>
    public IReadOnlyList<MetricSeries> Latest()
    {
        lock (_gate)
        {
            return [.. _series.Values.Select(e => e.Snapshot(latestOnly: true))
                .OrderBy(s => s.Service, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];
        }
    }

    private static string Key(string service, string name, IReadOnlyList<TelemetryAttribute> attributes) =>
        $"{service}\n{name}\n{string.Join('\n', attributes.Select(a => $"{a.Key}={a.Value}").Order(StringComparer.Ordinal))}";

    private sealed class Entry(MetricSample identity)
    {
        public MetricSample Identity { get; } = identity;

        public Queue<MetricPoint> Points { get; } = new();

        public MetricPoint? Latest { get; set; }

        public MetricSeries Snapshot(bool latestOnly = false) => new(Identity.Service, Identity.Name, Identity.Unit,
            Identity.Description, Identity.Kind, Identity.IsMonotonic, Identity.IsCumulative, Identity.Attributes,
            latestOnly ? [Latest!] : [.. Points]);
    }
}
