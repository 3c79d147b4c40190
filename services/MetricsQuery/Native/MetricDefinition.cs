using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Native;

/// <summary>
/// One metric of the native API: its name, unit and definition, what it can be grouped by, and how its value comes
/// from summed window statistics over a length of time. A value is null where it is undefined (a rate with no base).
/// </summary>
internal sealed record MetricDefinition(
    string Name,
    string Unit,
    MetricKind Kind,
    string Description,
    IReadOnlyList<MetricGroupBy> GroupBys,
    int Decimals = 0)
{
    /// <summary>Series metrics: the value of summed stats covering the given length of time.</summary>
    public Func<WindowStats, TimeSpan, decimal?>? Value { get; init; }

    /// <summary>Series metrics split by status or edge type: the per-key counts and time sums of one window.</summary>
    public Func<WindowStats, MetricGroupBy, IEnumerable<KeyValuePair<string, CountAndTime>>>? Breakdown { get; init; }

    /// <summary>The value of one breakdown entry (a count, or a mean latency).</summary>
    public Func<CountAndTime, decimal?>? BreakdownValue { get; init; }

    /// <summary>Whether the latency histograms must be read.</summary>
    public bool NeedsHistograms { get; init; }

    /// <summary>Percentile metrics: the histogram they read and the percent (<see cref="SeriesBuilder"/> merges these densely).</summary>
    public Func<WindowStats, LatencyHistogram>? Histogram { get; init; }

    public int Percent { get; init; }

    /// <summary>Top URLs: ranked by requests or by bytes.</summary>
    public UrlRanking Ranking { get; init; }

    /// <summary>Download speed: the origin rows instead of the CDN rows.</summary>
    public bool Origin { get; init; }

    public bool CanGroupBy(MetricGroupBy groupBy) => groupBy == MetricGroupBy.None || GroupBys.Contains(groupBy);

    public decimal? Round(decimal? value) => value is { } v ? Math.Round(v, Decimals, MidpointRounding.AwayFromZero) : null;
}
