namespace CdnPulse.Dashboard.Store;

/// <summary>How much the dashboard keeps in memory; at the defaults, a few tens of megabytes.</summary>
public sealed record StoreLimits
{
    public int Spans { get; init; } = 10_000;

    public int LogsPerResource { get; init; } = 5_000;

    public int ConsoleLinesPerResource { get; init; } = 5_000;

    /// <summary>Points kept per series: 30 minutes at the 5-second export interval the AppHost sets.</summary>
    public int PointsPerSeries { get; init; } = 360;

    public int MetricSeries { get; init; } = 5_000;
}
