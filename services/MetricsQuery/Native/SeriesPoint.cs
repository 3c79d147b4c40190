namespace CdnPulse.MetricsQuery.Native;

/// <summary>One interval: it covers [Start, Start + interval) within the query's range; Value is null where undefined.</summary>
public sealed record SeriesPoint(DateTimeOffset Start, decimal? Value);
