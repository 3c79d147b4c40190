namespace CdnPulse.Dashboard.Charts;

public sealed record ChartLine(string Label, IReadOnlyList<ChartPoint> Points);
