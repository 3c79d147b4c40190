namespace CdnPulse.MetricsQuery.Native;

/// <summary>One ranked path and its requests or bytes over the range (a lower bound, see the metric's description).</summary>
public sealed record TopUrlItem(int Rank, string Path, long Value);
