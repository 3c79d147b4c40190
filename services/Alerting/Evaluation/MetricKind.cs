namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// Counts add up over minutes (every statistic applies); ratios and rates do not (Sum is refused, and Average is the
/// value over the whole period, the same number <c>GET /metric</c> shows for an interval of that length).
/// </summary>
internal enum MetricKind
{
    Count,
    Ratio,
}
