namespace CdnPulse.Dashboard.Charts;

/// <summary>One chart of the dashboard: its lines, or, while there are none, a note saying where the data would come from.</summary>
public sealed record ChartView(string Id, string Title, string Unit, string Source, IReadOnlyList<ChartLine> Lines);
