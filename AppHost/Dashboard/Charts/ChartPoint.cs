namespace CdnPulse.Dashboard.Charts;

/// <summary>A point of a chart line: Unix milliseconds and a value.</summary>
public sealed record ChartPoint(long T, double V);
