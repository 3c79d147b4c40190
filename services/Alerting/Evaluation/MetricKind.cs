namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// Counts add up over minutes (every statistic applies); ratios and rates do not (Sum is refused, and Average is the
/// value over the whole period, the same number <c>GET /metric</c> shows for an interval of that length). A
/// distribution has no per-minute value, only percentiles (ExtendedStatistic) of its merged histograms.
/// </summary>
internal enum MetricKind
{
    Count,
    Ratio,
    Distribution,
}
